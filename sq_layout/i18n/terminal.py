"""What the command line prints for a reader: the headers and words of `workspace list` and `workspace history`."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "cli_workspace": {"zh": "工作空间：{url}", "en": "workspace: {url}"},
    "cli_versions_head": {"zh": "编号  类型  {created}  标题（来源）", "en": "ID  kind  {created}  title (lineage)"},
    "cli_created": {"zh": "创建时间", "en": "Created"},
    "cli_from": {"zh": "来自 v{v}", "en": "from v{v}"},
    "cli_by": {"zh": "作者 {who}", "en": "by {who}"},
    "cli_supersedes": {"zh": "取代 v{v}", "en": "supersedes v{v}"},
    "cli_lineage": {"zh": "（{items}）", "en": "  ({items})"},
    "cli_published_by": {"zh": "发布人 {who}", "en": "published by {who}"},
    "cli_history_head": {"zh": "编号  {created}  修改人  操作  摘要", "en": "ID  {created}  who  action  summary"},
    "cli_when": {"zh": "时间", "en": "When"},
    "cli_why": {"zh": "理由：{why}", "en": "why: {why}"},
    "cli_imported_draft": {
        "zh": "已导入为草案 {v}：{title}（由管理员发布）",
        "en": "imported as draft {v}: {title} (an admin publishes it)",
    },
    "cli_imported_version": {
        "zh": "已导入为版本 {v}：{title}（取代 v{old}）",
        "en": "imported as version {v}: {title} (supersedes {old})",
    },
    "cli_reverted_by": {"zh": "（已被 #{n} 撤销）", "en": "  (reverted by #{n})"},
}
