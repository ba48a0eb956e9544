"""UI strings of sign-in and sessions (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "si_no_accounts": {
        "zh": "此工作空间还没有账号。在服务器上创建第一个管理员（密码从标准输入读取）：",
        "en": "This workspace has no accounts yet. Create the first admin on the server (the password is read from "
        "standard input):",
    },
    "si_continue": {"zh": "继续登录", "en": "Continue signing in"},
    "si_signed_out": {"zh": "已退出登录。", "en": "Signed out."},
    "si_workspace_busy": {
        "zh": "工作空间正忙（数据库被锁定），请稍后再试。",
        "en": "The workspace is busy (the database is locked); try again.",
    },
}
