"""Refusals in the reader's language: user mistakes (sq_layout.errors.UserError.text) and failures the command line
reports, and the words of `users list|log` (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "err_line": {"zh": "错误：{msg}", "en": "error: {msg}"},
    "err_interrupted": {"zh": "已中断，未替换任何文件。", "en": "interrupted; nothing was replaced"},
    "err_unknown": {
        "zh": "未知的{what}“{value}”{hint}（可选：{choices}）",
        "en": "unknown {what} '{value}'{hint} (choose from: {choices})",
    },
    "err_did_you_mean": {"zh": "——是否指“{close}”？", "en": " — did you mean '{close}'?"},
    "err_unknown_version": {
        "zh": "工作空间中没有规划版本“{v}”；现有版本：{known}",
        "en": "unknown plan version '{v}'; the workspace has {known}",
    },
    # the operating system's common refusals (errors.system_reason), by errno name
    "os_ENOENT": {"zh": "没有这个文件或文件夹", "en": "no such file or folder"},
    "os_EACCES": {"zh": "没有权限", "en": "permission denied"},
    "os_EPERM": {"zh": "不允许该操作", "en": "operation not permitted"},
    "os_EISDIR": {"zh": "这是一个文件夹", "en": "it is a folder"},
    "os_ENOTDIR": {"zh": "路径中有一段不是文件夹", "en": "a part of the path is not a folder"},
    "os_EROFS": {"zh": "文件系统只读", "en": "read-only file system"},
    "os_ENOSPC": {"zh": "磁盘已满", "en": "no space left on the disk"},
    "os_EDQUOT": {"zh": "超出磁盘配额", "en": "disk quota exceeded"},
    "os_EFBIG": {"zh": "文件太大", "en": "file too large"},
    "os_ENAMETOOLONG": {"zh": "文件名太长", "en": "file name too long"},
    "os_EEXIST": {"zh": "已存在", "en": "already exists"},
    "os_EBUSY": {"zh": "设备或资源正忙", "en": "device or resource busy"},
    "err_not_writable": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
    "why_no_folder": {"zh": "文件夹 {folder} 不存在", "en": "folder {folder} does not exist"},
    "why_not_folder": {"zh": "{folder} 不是文件夹", "en": "{folder} is not a folder"},
    "why_folder_read_only": {"zh": "文件夹 {folder} 不可写", "en": "folder {folder} is not writable"},
    "why_is_folder": {
        "zh": "已有同名的文件夹，请给出文件名",
        "en": "a folder of that name exists; give a file name",
    },
    "why_part_way": {
        "zh": "写入中途失败（磁盘是否已满？），未替换任何文件",
        "en": "writing failed part-way (is the disk full?); nothing was replaced",
    },
    "err_edit_conflict": {
        "zh": "{table}第 {row} 条记录在第 {rev} 次修订之后又被修改（现为第 {now} 次修订），未保存任何内容",
        "en": "{table} row {row} changed since revision {rev} (now at revision {now}); nothing was saved",
    },
    "err_edit_conflict_removed": {
        "zh": "{table}第 {row} 条记录在第 {rev} 次修订之后已被删除，未保存任何内容",
        "en": "{table} row {row} changed since revision {rev} (removed); nothing was saved",
    },
    "ev_no_account": {
        "zh": "没有账号“{value}”（`users list` 列出所有账号）",
        "en": "no account '{value}' (`users list` lists them)",
    },
    "ev_no_change": {"zh": "没有修改 #{id}", "en": "no change #{id}"},
    "err_denied": {"zh": "{user}（{role}）无权{action}", "en": "{user} ({role}) may not {action}"},
    "err_anonymous": {"zh": "未登录的用户", "en": "anonymous"},
    "err_no_account": {"zh": "无账号", "en": "no account"},
    "perm_view": {"zh": "查看", "en": "view"},
    "perm_edit": {"zh": "修改", "en": "edit"},
    "perm_import": {"zh": "导入", "en": "import"},
    "perm_publish": {"zh": "发布", "en": "publish"},
    "perm_manage_users": {"zh": "管理账号", "en": "manage accounts"},
    "err_config": {
        "zh": "环境变量 {setting} 的值“{value}”不是{expected}",
        "en": "{setting}: '{value}' is not {expected}",
    },
    "cfg_addresses": {
        "zh": "以逗号分隔的 IP 地址或网段（如 10.1.0.5、10.1.0.0/24、::1）",
        "en": "a comma-separated list of IP addresses or networks, e.g. 10.1.0.5, 10.1.0.0/24, ::1",
    },
    "cfg_header": {
        "zh": "HTTP 头名称（如 X-Remote-User：字母、数字和“-”）",
        "en": "an HTTP header name such as X-Remote-User (letters, digits and '-')",
    },
    "cfg_seconds": {
        "zh": "大于 0 的秒数（如 10 或 2.5）",
        "en": "a number of seconds greater than 0 (such as 10 or 2.5)",
    },
    "err_ws_url": {
        "zh": "无法使用数据库地址 {url}：{reason}"
        "（应为 sqlite:///path/to/workspace.sqlite 或 postgresql+psycopg://user@host/database）",
        "en": "cannot use the database URL {url}: {reason} "
        "(expected sqlite:///path/to/workspace.sqlite or postgresql+psycopg://user@host/database)",
    },
    "err_ws_open": {"zh": "无法打开工作空间 {url}：{reason}", "en": "cannot open the workspace {url}: {reason}"},
    "ws_why_sqlite_file": {
        "zh": "无法打开数据库文件（文件夹不存在或没有权限）",
        "en": "the database file cannot be opened (no such folder, or no permission)",
    },
    "ws_why_refused": {
        "zh": "数据库服务器拒绝连接（未启动或端口不对）",
        "en": "the database server refused the connection",
    },
    "ws_why_password": {"zh": "数据库用户名或密码不对", "en": "the database rejected the user name or password"},
    "ws_why_no_database": {"zh": "数据库不存在", "en": "the database does not exist"},
    # free-text refusals of options and requests (sq_layout.errors.BadInput)
    "bad_month": {
        "zh": "月份“{month}”：应为 YYYY-MM，如 2025-11",
        "en": "month '{month}': expected YYYY-MM, e.g. 2025-11",
    },
    "bad_nothing_selected": {
        "zh": "未选择任何内容：请加上 --chain/--industry/--sub/--tier/--area，或用 --all 导出全部数据",
        "en": "nothing selected: add --chain/--industry/--sub/--tier/--area, or --all for the whole dataset",
    },
    "bad_csv_one_table": {
        "zh": ".csv 只能容纳一张表，而此次导出有 {n} 张（{tables}）：请用 --table 指定一张，"
        "或写成 .zip（全部表为 CSV）、.xlsx、.geojson 或 .gpkg",
        "en": "a .csv holds one table and this export has {n} ({tables}): name one with --table, or write .zip "
        "(all tables as CSV), .xlsx, .geojson or .gpkg",
    },
    "bad_version_format": {
        "zh": "未知的格式“{suffix}”：请用 .gpkg、.xlsx、.zip 或文件夹名",
        "en": "unknown format '{suffix}': use .gpkg, .xlsx, .zip or a folder name",
    },
    "bad_dpi": {"zh": "--dpi {dpi} 超出范围：请用 {low}–{high}", "en": "--dpi {dpi} is out of range: use {low}–{high}"},
    "bad_new_password_stdin": {
        "zh": "请用 --password-stdin 从标准输入给出密码（或用 --no-password：仅单点登录）",
        "en": "give the password on standard input with --password-stdin (or --no-password: proxy only)",
    },
    "bad_password_needed": {"zh": "需要密码", "en": "a password is needed"},
    "bad_limit": {"zh": "--limit 须为正整数，而不是 {limit}", "en": "--limit must be a positive number, not {limit}"},
    "bad_stdin_terminal_new": {
        "zh": "请用 --password-stdin 从标准输入给出新密码（例如 `printf '%s\\n' \"$PW\" | …`）",
        "en": "give the new password on standard input with --password-stdin (e.g. `printf '%s\\n' \"$PW\" | …`)",
    },
    "bad_stdin_terminal_of": {
        "zh": "请用 --password-stdin 从标准输入给出 {name} 的密码（例如 `printf '%s\\n' \"$PW\" | …`）",
        "en": "give the password of {name} on standard input with --password-stdin (e.g. `printf '%s\\n' \"$PW\" | …`)",
    },
    "bad_stdin_empty_new": {"zh": "标准输入中没有新密码", "en": "no new password on standard input"},
    "bad_stdin_empty_of": {"zh": "标准输入中没有 {name} 的密码", "en": "no password of {name} on standard input"},
    "bad_user_needs_password": {
        "zh": "--user {name} 需要该账号的密码：请加上 --password-stdin 并从管道输入",
        "en": "--user {name} needs that account's password: add --password-stdin and pipe it in",
    },
    "bad_too_many_signins": {
        "zh": "登录失败次数过多，请 {s} 秒后再试",
        "en": "too many failed sign-ins; try again in {s} s",
    },
    "bad_wrong_password": {"zh": "用户名或密码错误", "en": "wrong user name or password"},
    "bad_who_acts": {
        "zh": "请说明由谁操作：--user 用户名 --password-stdin（或以工作空间文件所有者的身份运行）",
        "en": "say who acts: --user NAME --password-stdin (or run as the owner of the workspace file)",
    },
    "bad_source_unknown_tables": {
        "zh": "源工作空间含有本版 sq-layout 不认识的表（{tables}）：请更新 sq-layout",
        "en": "the source has tables this sq-layout does not know ({tables}): update sq-layout",
    },
    "bad_target_unknown_tables": {
        "zh": "目标工作空间含有本版 sq-layout 不认识的表（{tables}）：请更新 sq-layout",
        "en": "the target has tables this sq-layout does not know ({tables}): update sq-layout",
    },
    "bad_no_workspace_file": {"zh": "{path} 处没有工作空间文件", "en": "no workspace file at {path}"},
    "bad_workspace_damaged": {
        "zh": "工作空间文件已损坏（{found}）；请恢复较早的备份",
        "en": "the workspace file is damaged ({found}); restore an earlier backup",
    },
    "bad_source_empty": {
        "zh": "源工作空间为空：没有可复制的内容",
        "en": "the source workspace is empty: nothing to copy",
    },
    "bad_schema_mismatch": {
        "zh": "结构版本 {src} 无法复制到 {dst}",
        "en": "schema {src} cannot be copied to {dst}",
    },
    "bad_target_not_empty": {
        "zh": "目标工作空间不为空；请恢复到空的工作空间，或替换它",
        "en": "the target workspace is not empty; restore into an empty one, or replace it",
    },
    "bad_no_backup_file": {"zh": "没有备份文件 {name}", "en": "no backup file {name}"},
    "bad_not_a_backup": {
        "zh": "{name} 不是工作空间备份（由 `workspace backup` 生成的 SQLite 文件）",
        "en": "{name} is not a workspace backup (a SQLite file made by `workspace backup`)",
    },
    "bad_db_url": {
        "zh": "不是数据库地址；例如 postgresql+psycopg://user@host/db 或 sqlite:///path",
        "en": "not a database URL; e.g. postgresql+psycopg://user@host/db or sqlite:///path",
    },
    # failures that are not bugs (sq_layout.cli.describe_failure)
    "fail_disk_full": {
        "zh": "无法写入{what}：磁盘已满（{reason}），未替换任何文件",
        "en": "cannot write{what}: the disk is full ({reason}); nothing was replaced",
    },
    "fail_read_write": {"zh": "无法读写{what}：{reason}", "en": "cannot read or write{what}: {reason}"},
    "fail_ws_locked": {
        "zh": "工作空间正忙：另一个程序正在写入且未及时完成，未保存任何内容——请待其完成后重试",
        "en": "the workspace is busy: another program is writing to it and did not finish in time; nothing was "
        "saved — try again when it is done",
    },
    "fail_ws_disk_full": {
        "zh": "工作空间所在的磁盘已满，未保存任何内容",
        "en": "the workspace's disk is full; nothing was saved",
    },
    "fail_db": {
        "zh": "工作空间数据库出错：{reason}；未保存任何内容",
        "en": "the workspace database failed: {reason}; nothing was saved",
    },
    "fail_db_kind": {
        "zh": "工作空间数据库出错（{kind}）：{reason}",
        "en": "the workspace database failed ({kind}): {reason}",
    },
    # `users list|log|add|passwd|role|remove`
    "alog_event": {"zh": "事件", "en": "Event"},
    "alog_by": {"zh": "操作人", "en": "By"},
    "alog_from": {"zh": "来自", "en": "From"},
    "alog_detail": {"zh": "详情", "en": "Detail"},
    "alog_signin": {"zh": "登录", "en": "signed in"},
    "alog_signout": {"zh": "退出登录", "en": "signed out"},
    "alog_signin_failed": {"zh": "登录失败", "en": "sign-in failed"},
    "alog_slowed_down": {"zh": "登录被放慢", "en": "sign-ins slowed down"},
    "alog_user_added": {"zh": "添加账号", "en": "account added"},
    "alog_password_changed": {"zh": "更改密码", "en": "password changed"},
    "alog_role_changed": {"zh": "更改角色", "en": "role changed"},
    "alog_user_removed": {"zh": "删除账号", "en": "account removed"},
    "alog_sessions_ended": {"zh": "结束 {n} 个会话", "en": "{n} session(s) ended"},
    "alog_waited": {"zh": "等待 {s}", "en": "waited {s}"},
    "alog_command_line": {"zh": "命令行", "en": "command line"},
    "alog_unknown_address": {"zh": "未知", "en": "unknown"},
    "alog_no_account": {"zh": "（无此账号）", "en": "(no such account)"},
    "cli_user_added": {"zh": "已添加 {name}（{role}）", "en": "added {name} ({role})"},
    "cli_password_changed": {
        "zh": "已更改 {name} 的密码；其会话均已结束",
        "en": "password changed for {name}; its sessions have ended",
    },
    "cli_role_changed": {
        "zh": "{name} 现为{role}；其会话均已结束",
        "en": "{name} is now {role}; its sessions have ended",
    },
    "cli_user_removed": {"zh": "已删除 {name}", "en": "removed {name}"},
    "cli_acting_local": {
        "zh": "以{who}身份操作（工作空间还没有账号）",
        "en": "acting as {who} (the workspace has no accounts)",
    },
    "cli_acting_checked": {"zh": "以 {who} 身份操作（密码已核对）", "en": "acting as {who} (password checked)"},
    "cli_acting_owner": {
        "zh": "以 {who} 身份操作（工作空间文件所有者的操作系统用户）",
        "en": "acting as {who} (operating-system user owning the workspace file)",
    },
}

# What an UnknownValue or an edit's "ev_unknown" names (its `what`, as the code raises it), in words: a new `what`
# needs its entry here (a column of a plan table is named by its header instead).
WHATS: dict[str, dict[str, str]] = {
    "list": {"zh": "列表", "en": "list"},
    "area": {"zh": "地区", "en": "area"},
    "industry": {"zh": "产业", "en": "industry"},
    "sub-industry": {"zh": "细分产业", "en": "sub-industry"},
    "chain": {"zh": "产业链", "en": "chain"},
    "tier": {"zh": "产业类别", "en": "tier"},
    "table": {"zh": "表", "en": "table"},
    "data format": {"zh": "数据格式", "en": "data format"},
    "format": {"zh": "格式", "en": "format"},
    "file type": {"zh": "文件类型", "en": "file type"},
    "output format": {"zh": "输出格式", "en": "output format"},
    "map format": {"zh": "地图格式", "en": "map format"},
    # the `what` of an edit's "ev_unknown" problem (a column's own name is shown by its header)
    "column": {"zh": "列", "en": "column"},
    "figure": {"zh": "数字", "en": "figure"},
    "source": {"zh": "来源", "en": "source"},
}

OS_REASONS = frozenset(k.removeprefix("os_") for k in TEXT if k.startswith("os_"))  # errno names said in words
