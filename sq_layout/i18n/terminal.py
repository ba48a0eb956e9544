"""What the command line prints for a reader: the headers and words of `workspace list` and `workspace history`."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "cli_workspace": {"zh": "工作空间：{url}", "en": "workspace: {url}"},
    "cli_col_id": {"zh": "编号", "en": "ID"},
    "cli_col_kind": {"zh": "类型", "en": "kind"},
    "cli_col_title": {"zh": "标题（来源）", "en": "title (lineage)"},
    "cli_col_who": {"zh": "修改人", "en": "who"},
    "cli_col_action": {"zh": "操作", "en": "action"},
    "cli_col_summary": {"zh": "摘要", "en": "summary"},
    "cli_created": {"zh": "创建时间", "en": "Created"},
    "cli_from": {"zh": "来自 v{v}", "en": "from v{v}"},
    "cli_by": {"zh": "作者 {who}", "en": "by {who}"},
    "cli_supersedes": {"zh": "取代 v{v}", "en": "supersedes v{v}"},
    "cli_lineage": {"zh": "（{items}）", "en": "  ({items})"},
    "cli_published_by": {"zh": "发布人 {who}", "en": "published by {who}"},
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
    # --- doctor: the administrator's checks (sq_layout.deployment), their findings and what to fix ---
    "dr_database": {"zh": "数据库", "en": "database"},
    "dr_schema": {"zh": "库表结构", "en": "schema"},
    "dr_integrity": {"zh": "完整性", "en": "integrity"},
    "dr_postgis": {"zh": "PostGIS", "en": "postgis"},
    "dr_file_permissions": {"zh": "文件权限", "en": "file permissions"},
    "dr_cookie_secret": {"zh": "Cookie 密钥", "en": "cookie secret"},
    "dr_proxy": {"zh": "代理", "en": "proxy"},
    "dr_config": {"zh": "配置文件", "en": "config"},
    "dr_address": {"zh": "监听地址", "en": "address"},
    "dr_telemetry": {"zh": "遥测", "en": "telemetry"},
    "dr_static_files": {"zh": "静态文件", "en": "static files"},
    "dr_ok": {"zh": "正常", "en": "ok"},
    "dr_bad": {"zh": "需修复", "en": "FIX"},
    "dr_all_well": {"zh": "一切正常", "en": "all is well"},
    "dr_to_fix": {"zh": "{n} 项需修复", "en": "{n} to fix"},
    "dr_as_is": {"zh": "{text}", "en": "{text}"},
    "dr_none": {"zh": "无", "en": "none"},
    "dr_no_file": {"zh": "没有工作空间文件：{url}", "en": "no workspace file at {url}"},
    "dr_fix_create": {
        "zh": "运行 `python -m sq_layout workspace init`（或启动一次应用）来创建",
        "en": "run `python -m sq_layout workspace init` (or start the app once) to create it",
    },
    "dr_answers": {"zh": "{url} 有响应", "en": "{url} answers"},
    "dr_schema_at": {"zh": "当前为 {rev}，本版 sq-layout 需要 {head}", "en": "at {rev}, this sq-layout needs {head}"},
    "dr_fix_migrate": {
        "zh": "运行一次 `python -m sq_layout workspace init`（迁移库表并写入基线），然后重启应用",
        "en": "run `python -m sq_layout workspace init` once (it migrates and seeds), then restart the app",
    },
    "dr_fix_restore": {
        "zh": "用最新的备份恢复：python -m sq_layout workspace restore 备份文件 --replace",
        "en": "restore the latest backup: python -m sq_layout workspace restore FILE --replace",
    },
    "dr_no_postgis": {"zh": "此数据库未安装 PostGIS", "en": "PostGIS is not installed in this database"},
    "dr_fix_postgis": {
        "zh": "以超级用户执行：CREATE EXTENSION postgis;（Debian 软件包：postgresql-15-postgis-3）",
        "en": "as a superuser: CREATE EXTENSION postgis; (Debian: postgresql-15-postgis-3)",
    },
    "dr_at": {"zh": "{url}：{reason}", "en": "{url}: {reason}"},
    "dr_fix_database": {
        "zh": "检查 SQ_LAYOUT_DB、数据库服务器和账号",
        "en": "check SQ_LAYOUT_DB, the server and the account",
    },
    "dr_mode": {"zh": "{name} 的权限为 {mode}", "en": "{name} is {mode}"},
    "dr_set": {"zh": "已设置", "en": "set"},
    "dr_not_set_each": {"zh": "未设置：每个进程各自生成", "en": "not set: each process makes its own"},
    "dr_one_process": {"zh": "单个进程：其自生成的随机密钥即可", "en": "one process: its own random secret is enough"},
    "dr_fix_cookie": {
        "zh": "把 STREAMLIT_SERVER_COOKIE_SECRET 设为所有进程相同的长随机值（deploy/sq-layout.env）",
        "en": "set STREAMLIT_SERVER_COOKIE_SECRET to the same long random value for every process "
        "(deploy/sq-layout.env)",
    },
    "dr_fix_expected": {"zh": "应为{what}", "en": "expected {what}"},
    "dr_sso_off": {
        "zh": "未启用单点登录（用工作空间的账号登录）",
        "en": "single sign-on off (accounts of the workspace sign in)",
    },
    "dr_trusted": {"zh": "信任来自 {nets} 的 {header}", "en": "{header} trusted from {nets}"},
    "dr_fix_proxy": {
        "zh": "SQ_LAYOUT_PROXY_ADDRS 中只列反向代理自己的地址",
        "en": "list only the reverse proxy's own addresses in SQ_LAYOUT_PROXY_ADDRS",
    },
    "dr_fix_syntax": {"zh": "修正该文件的语法", "en": "fix the file's syntax"},
    "dr_listens": {"zh": "监听 {address}", "en": "listens on {address}"},
    "dr_no_address": {
        "zh": "未设 server.address：Streamlit 启动时会查询其外网 IP",
        "en": "no server.address: Streamlit looks up its external IP at start",
    },
    "dr_fix_address": {
        "zh": "设置 server.address（代理在本机时用 127.0.0.1）",
        "en": "set server.address (127.0.0.1 behind a proxy on this host)",
    },
    "dr_fix_false": {"zh": "设为 false", "en": "set it to false"},
    "dr_writable": {"zh": "可写", "en": "writable"},
    "dr_not_writable": {"zh": "不可写：{folders}", "en": "not writable: {folders}"},
    "dr_fix_static": {
        "zh": "给应用的账号 {path} 及其下各文件夹的写权限",
        "en": "give the app's account write access to {path} and the folders below it",
    },
}
