"""The command line's help (descriptions, each option's help, the epilog) and argparse's own messages, in Chinese
and English (sq_layout.cli.speak words them in the reader's language)."""

from __future__ import annotations

# argparse's messages (its English text, as its gettext `_()` looks it up) in each language.
ARGPARSE: dict[str, dict[str, str]] = {
    "usage: ": {"zh": "用法：", "en": "usage: "},
    "positional arguments": {"zh": "位置参数", "en": "positional arguments"},
    "options": {"zh": "选项", "en": "options"},
    "show this help message and exit": {"zh": "显示此帮助并退出", "en": "show this help message and exit"},
    "%(prog)s: error: %(message)s\n": {"zh": "%(prog)s：错误：%(message)s\n", "en": "%(prog)s: error: %(message)s\n"},
    "argument %(argument_name)s: %(message)s": {
        "zh": "参数 %(argument_name)s：%(message)s",
        "en": "argument %(argument_name)s: %(message)s",
    },
    "invalid choice: %(value)r (choose from %(choices)s)": {
        "zh": "无效的选择：%(value)r（可选：%(choices)s）",
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
    },
    "unknown parser %(parser_name)r (choices: %(choices)s)": {
        "zh": "没有子命令 %(parser_name)r（可选：%(choices)s）",
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)",
    },
    "the following arguments are required: %s": {
        "zh": "缺少必需的参数：%s",
        "en": "the following arguments are required: %s",
    },
    "one of the arguments %s is required": {
        "zh": "须给出以下参数之一：%s",
        "en": "one of the arguments %s is required",
    },
    "unrecognized arguments: %s": {"zh": "无法识别的参数：%s", "en": "unrecognized arguments: %s"},
    "expected one argument": {"zh": "须跟一个值", "en": "expected one argument"},
    "expected at most one argument": {"zh": "至多跟一个值", "en": "expected at most one argument"},
    "expected at least one argument": {"zh": "至少跟一个值", "en": "expected at least one argument"},
    "expected %s argument": {"zh": "须跟 %s 个值", "en": "expected %s argument"},
    "expected %s arguments": {"zh": "须跟 %s 个值", "en": "expected %s arguments"},
    "not allowed with argument %s": {"zh": "不能与参数 %s 同用", "en": "not allowed with argument %s"},
    "ignored explicit argument %r": {"zh": "多余的值 %r", "en": "ignored explicit argument %r"},
    "ambiguous option: %(option)s could match %(matches)s": {
        "zh": "选项 %(option)s 有歧义，可能是 %(matches)s",
        "en": "ambiguous option: %(option)s could match %(matches)s",
    },
    "unexpected option string: %s": {"zh": "意外的选项：%s", "en": "unexpected option string: %s"},
    "invalid %(type)s value: %(value)r": {
        "zh": "%(value)r 不是有效的值（%(type)s）",
        "en": "invalid %(type)s value: %(value)r",
    },
    "can't open '%(filename)s': %(error)s": {
        "zh": "无法打开 '%(filename)s'：%(error)s",
        "en": "can't open '%(filename)s': %(error)s",
    },
}

TEXT: dict[str, dict[str, str]] = {
    # --- the program and its commands ---
    "h_prog": {
        "zh": "sq-layout：宿迁产业布局地图。名称可用中文、英文或编号输入。",
        "en": "sq-layout: Suqian industrial layout. Names may be typed in Chinese, English or by id.",
    },
    "h_epilog": {
        "zh": "退出码：0 完成；2 输入有误（提示会说明要改什么）；1 程序缺陷",
        "en": "exit codes: 0 done, 2 a mistake in the input (the message says what to change), 1 a bug",
    },
    "h_export": {
        "zh": "把一张静态地图导出为 {formats}（格式由 -o 的后缀决定）",
        "en": "one static map as {formats} (format from the -o suffix)",
    },
    "h_atlas": {
        "zh": "汇报图册：PDF 和 PNG 页面（总览，以及每个产业、产业链和地区各一页）",
        "en": "the report pack: PDF + PNG pages (an overview, a page per industry, chain and area)",
    },
    "h_fonts": {
        "zh": "现在准备 PDF 字体（每台机器一次，每种字体约 1 分钟；否则应用启动时自行准备）",
        "en": "prepare the PDF fonts now (once per machine, ≈ 1 min a face; the app otherwise does it when it starts)",
    },
    "h_data": {
        "zh": "导出数据为 {formats}；格式由 -o 的后缀决定",
        "en": "data as {formats}; format from the -o suffix",
    },
    "h_audit": {
        "zh": "列出规划内部的不一致之处和目标出入",
        "en": "print the plan's internal inconsistencies and target discrepancies",
    },
    "h_list": {
        "zh": "列出 --area、--industry、--sub、--chain 和 --tier 可用的名称",
        "en": "list the names accepted by --area, --industry, --sub, --chain and --tier",
    },
    "h_workspace": {
        "zh": "工作空间数据库中的规划版本：列出、导入、比较、导出",
        "en": "plan versions in the workspace database: list, import, compare, export",
    },
    "h_users": {
        "zh": "工作空间账号：添加、列出、改密码或角色、删除；登录审计日志",
        "en": "workspace accounts: add, list, change a password or role, remove; the sign-in audit log",
    },
    "h_doctor": {
        "zh": "检查部署并说明要修复什么（有需修复之处时退出码为 2）",
        "en": "check a deployment and say what to fix (exit 2 when something needs fixing)",
    },
    "h_invest": {
        "zh": "招商导出：`invest report --year 2025 -o r.xlsx|pdf`，`invest bulletin --month 2025-11 -o b.pdf|xlsx`；"
        "导入前检查：`invest check 企业.csv`",
        "en": "investment exports: `invest report --year 2025 -o r.xlsx|pdf`, "
        "`invest bulletin --month 2025-11 -o b.pdf|xlsx`; a file checked before import: `invest check firms.csv`",
    },
    # --- options shared by several commands ---
    "h_version": {
        "zh": "规划版本编号（默认：最新发布的版本）",
        "en": "plan version id (default: the latest published)",
    },
    "h_db": {
        "zh": "工作空间数据库 URL（默认：$SQ_LAYOUT_DB，否则为本机 SQLite 文件）",
        "en": "workspace database URL (default: $SQ_LAYOUT_DB, else the SQLite file)",
    },
    "h_lang": {"zh": "{what}的语言（默认 zh）", "en": "language of {what} (default zh)"},
    "h_lang_labels": {"zh": "标签和表头", "en": "labels and headers"},
    "h_lang_problems": {"zh": "所报问题", "en": "the problems reported"},
    "h_lang_compare": {"zh": "表格和工作簿", "en": "the tables and the workbook"},
    "h_lang_versions": {"zh": "表头、类型和用户", "en": "the headers, kinds and users"},
    "h_lang_history": {
        "zh": "表头、用户、操作和工作簿",
        "en": "the headers, users, actions and the workbook",
    },
    "h_lang_report": {"zh": "报告和拒绝说明", "en": "the report and of a refusal"},
    "h_lang_users": {"zh": "列表、确认和拒绝说明", "en": "the listings, confirmations and refusals"},
    "h_lang_doctor": {"zh": "检查项和修复建议", "en": "the checks and what to fix"},
    "h_names_hint": {
        "zh": "中文、英文或编号；`python -m sq_layout list {kind}` 列出全部",
        "en": "Chinese, English or id; `python -m sq_layout list {kind}` shows them all",
    },
    "h_tier": {"zh": "dominant/主导产业 或 leading/先导产业", "en": "dominant/主导产业 or leading/先导产业"},
    "h_industry": {"zh": "如 光伏新能源、pv；{hint}", "en": "e.g. 光伏新能源, pv; {hint}"},
    "h_sub": {"zh": "如 酿酒、liquor；{hint}", "en": "e.g. 酿酒, liquor; {hint}"},
    "h_chain": {"zh": "表十一的产业链：3、晶硅光伏；{hint}", "en": "表十一 chain: 3, 晶硅光伏; {hint}"},
    "h_area": {"zh": "突出显示一个地区：泗洪县、sihong；{hint}", "en": "highlight an area: 泗洪县, sihong; {hint}"},
    "h_paper": {"zh": "纸张大小", "en": "paper size"},
    "h_orientation": {"zh": "纸张方向：portrait 纵向，landscape 横向", "en": "page orientation"},
    "h_user": {
        "zh": "以此账号操作；其密码从标准输入读取",
        "en": "act as this account; its password is read from standard input",
    },
    "h_password_stdin": {
        "zh": "从标准输入读取（--user 的）密码",
        "en": "read the password (of --user) from standard input",
    },
    "h_output": {"zh": "要写入的文件", "en": "file to write"},
    "h_output_kinds": {"zh": "要写入的文件（{kinds}）", "en": "file to write ({kinds})"},
    "h_publish": {
        "zh": "立即发布新版本（管理员；否则工作空间有账号后为草案）",
        "en": "publish the new version at once (admin; otherwise, once the workspace has accounts, it is a draft)",
    },
    "h_confirm_stale_base": {
        "zh": "即使基础版本不是最新发布的版本也发布（那个版本将被取代）",
        "en": "publish even though the base version is not the latest published one (that one is superseded)",
    },
    "h_title": {"zh": "版本标题", "en": "version title"},
    "h_reason": {"zh": "理由", "en": "why"},
    # --- export, atlas, data, audit, list ---
    "h_dpi_map": {"zh": "PNG 分辨率，30–1200（默认 300）", "en": "PNG resolution, 30–1200 (default 300)"},
    "h_map_title": {
        "zh": "地图标题（默认：按所选内容生成）",
        "en": "map title (default: generated from the selection)",
    },
    "h_dpi_atlas": {"zh": "PNG 分辨率，30–1200（PDF 为矢量）", "en": "PNG resolution, 30–1200 (the PDF is vector)"},
    "h_no_png": {"zh": "只写 PDF", "en": "write the PDF only"},
    "h_atlas_output": {
        "zh": "一个文件夹（内含 atlas.pdf 和 png/；其他文件不动）或一个 .pdf 文件（PNG 放在 <名称>-png/）",
        "en": "a folder (atlas.pdf and png/ inside; other files are left alone) or a .pdf file (PNGs in <name>-png/)",
    },
    "h_all": {"zh": "导出整个数据集而非所选内容", "en": "the whole dataset instead of the selection"},
    "h_data_table": {
        "zh": "用于 .csv：写哪一张表（一个 .csv 只含一张）",
        "en": "for .csv: which table to write (a .csv holds one)",
    },
    "h_audit_xlsx": {"zh": "同时写入 Excel 工作簿（.xlsx）", "en": "also write them to an Excel workbook (.xlsx)"},
    "h_list_what": {"zh": "要列出的名称", "en": "what to list"},
    # --- workspace ---
    "h_ws_init": {
        "zh": "创建工作空间（库表结构和只读的“十四五”基线），如尚未创建",
        "en": "create the workspace (schema and the read-only 十四五 baseline) if needed",
    },
    "h_ws_list": {"zh": "列出规划版本", "en": "list the plan versions"},
    "h_ws_template": {
        "zh": "写出 Excel 导入模板，填入一个版本的内容",
        "en": "write the Excel import template, filled with a version",
    },
    "h_ws_import": {
        "zh": "从 .xlsx、CSV 表或数据包 .zip/文件夹导入一个规划版本",
        "en": "import a plan version from .xlsx, CSV tables, or a bundle .zip/folder",
    },
    "h_ws_files": {"zh": "要导入的文件", "en": "the files to import"},
    "h_ws_base": {
        "zh": "未给出的表取自的基础版本（默认：最新发布的版本）",
        "en": "base version for tables not given (default: the latest published)",
    },
    "h_ws_compare": {
        "zh": "比较两个版本：产业链承载地、地区产业、数字",
        "en": "compare two versions: chain hosts, area industries, figures",
    },
    "h_version_id": {"zh": "版本编号", "en": "version id"},
    "h_compare_xlsx": {
        "zh": "同时把比较表写入 Excel 工作簿",
        "en": "also write the comparison tables to an Excel workbook",
    },
    "h_ws_export": {
        "zh": "导出一个版本：.gpkg、.xlsx、.zip 或文件夹（数据包格式）",
        "en": "export a version: .gpkg, .xlsx, .zip, or a folder (bundle format)",
    },
    "h_draft": {"zh": "从一个版本开始一个草案（编辑员）", "en": "start a draft from a version (editor)"},
    "h_draft_title": {"zh": "草案标题", "en": "draft title"},
    "h_history": {
        "zh": "一个版本的修改：谁、何时、改前 -> 改后、理由",
        "en": "a version's changes: who, when, before -> after, why",
    },
    "h_history_area": {"zh": "只看涉及此地区编号的修改", "en": "only changes touching this area id"},
    "h_history_chain": {"zh": "只看涉及此产业链序号的修改", "en": "only changes touching this chain number"},
    "h_history_table": {
        "zh": "只看涉及此表记录的修改（表名，中英文或编码均可，如 产业链、chains）",
        "en": "only changes touching records of this table (its name in either language or its code, e.g. Chains, "
        "产业链)",
    },
    "h_history_xlsx": {"zh": "同时把修改记录写入 Excel 工作簿", "en": "also write the history to an Excel workbook"},
    "h_revert": {"zh": "撤销草案中的一次修改（编辑员）", "en": "revert one change of a draft (editor)"},
    "h_change_no": {"zh": "修改编号", "en": "change number"},
    "h_publish_draft": {
        "zh": "把草案发布为带标题和日期的版本（管理员）",
        "en": "publish a draft as a version with a title and date (admin)",
    },
    "h_draft_id": {"zh": "草案编号", "en": "draft id"},
    "h_plan_date": {"zh": "规划日期，如 2026-03-01", "en": "the plan date, e.g. 2026-03-01"},
    "h_confirm_stale_draft": {
        "zh": "即使草案基于比最新发布版本更旧的版本也发布（最新版本将被取代）",
        "en": "publish even though the draft was made from an older version than the latest published (superseded)",
    },
    "h_bnd": {
        "zh": "把官方边界（GeoJSON、压缩的 Shapefile、GeoPackage、KML/KMZ）导入为新版本",
        "en": "import official boundaries (GeoJSON, zipped Shapefile, GeoPackage, KML/KMZ) as a new version",
    },
    "h_bnd_file": {"zh": "边界文件", "en": "the boundary file"},
    "h_bnd_crs": {
        "zh": "文件未声明坐标系或声明有误时：{choices}",
        "en": "when the file declares none or declares it wrongly: {choices}",
    },
    "h_bnd_encoding": {
        "zh": "Shapefile 属性的编码（默认：自动识别）",
        "en": "Shapefile attribute encoding (default: detect)",
    },
    "h_bnd_match": {
        "zh": "把一个要素（名称或序号）对应到一个地区编号或名称，或用 - 跳过；可重复",
        "en": "match a feature (name or number) to an area id or name, or to - to skip it; repeatable",
    },
    "h_bnd_source": {
        "zh": "边界的发布机关（与 --yes 同用时必填）",
        "en": "who issued the boundaries (required with --yes)",
    },
    "h_bnd_date": {"zh": "来源的日期，如 2025-06", "en": "date of the source, e.g. 2025-06"},
    "h_bnd_version": {
        "zh": "基础版本编号（默认：最新发布的版本）",
        "en": "base version id (default: the latest published)",
    },
    "h_bnd_yes": {"zh": "保存；不加则什么也不写入", "en": "save; without it nothing is written"},
    "h_backup": {
        "zh": "把整个工作空间写入一个文件（应用运行时也一致）",
        "en": "write the whole workspace to one file (consistent while the app runs)",
    },
    "h_backup_output": {
        "zh": "要写入的备份文件，如 ws-2026-12.sqlite",
        "en": "the backup file to write, e.g. ws-2026-12.sqlite",
    },
    "h_restore": {
        "zh": "把备份文件复制进工作空间（须为空，或用 --replace 替换）",
        "en": "copy a backup file into the workspace (empty, or --replace it)",
    },
    "h_backup_file": {"zh": "备份文件", "en": "the backup file"},
    "h_restore_replace": {
        "zh": "替换已有数据的工作空间（先备份）",
        "en": "replace a workspace that has data (backed up first)",
    },
    "h_copy": {
        "zh": "把工作空间复制到另一个数据库，如局里的 PostgreSQL",
        "en": "copy the workspace to another database, e.g. the bureau's PostgreSQL",
    },
    "h_copy_to": {
        "zh": "目标数据库 URL，如 postgresql+psycopg://user@host/sq",
        "en": "target database URL, e.g. postgresql+psycopg://user@host/sq",
    },
    "h_copy_replace": {"zh": "替换已有数据的目标数据库", "en": "replace a target that has data"},
    # --- users ---
    "h_users_add": {
        "zh": "添加账号（第一个管理员就这样创建）",
        "en": "add an account (the first admin is created this way)",
    },
    "h_account_name": {"zh": "账号名", "en": "account name"},
    "h_role": {"zh": "角色", "en": "role"},
    "h_no_password": {"zh": "不设密码：只通过代理单点登录", "en": "no password: sign-in through the proxy only"},
    "h_users_passwd": {"zh": "设置账号的密码（其会话随即结束）", "en": "set an account's password (its sessions end)"},
    "h_users_role": {"zh": "更改账号的角色（其会话随即结束）", "en": "change an account's role (its sessions end)"},
    "h_users_remove": {
        "zh": "删除账号（其会话随即结束；其修改仍署其名）",
        "en": "remove an account (its sessions end; its changes keep its name)",
    },
    "h_users_list": {"zh": "列出账号", "en": "list the accounts"},
    "h_users_log": {
        "zh": "审计日志：登录、退出、失败、限速、账号变更",
        "en": "the audit log: sign-ins, sign-outs, failures, slow-downs, account changes",
    },
    "h_log_limit": {"zh": "显示多少条，最新的在前（默认 100）", "en": "how many entries, newest first (default 100)"},
    "h_log_account": {"zh": "只看关于此账号的条目", "en": "only the entries about this account"},
    # --- invest ---
    "h_invest_report": {
        "zh": "全年的个十百千、阶段、表十一进度",
        "en": "the year's 个十百千 / stage / 表十一 progress",
    },
    "h_invest_year": {
        "zh": "年份（默认：2021–2025 中有数据的最近一年，否则 2025）",
        "en": "year (default: the latest with data in 2021–2025, else 2025)",
    },
    "h_invest_bulletin": {
        "zh": "月度通报：进展、节奏、分地区和产业链、新增目标企业",
        "en": "the month's 通报: moves, pace, by area and chain, new target firms",
    },
    "h_invest_month": {"zh": "月份，YYYY-MM", "en": "month, YYYY-MM"},
    "h_invest_demo": {
        "zh": "用虚构的示例数据代替工作空间中的数据",
        "en": "the fictional demo set (示例) instead of the workspace's",
    },
    "h_invest_output": {"zh": "要写入的文件（.xlsx 或 .pdf）", "en": "file to write (.xlsx or .pdf)"},
    "h_invest_check": {
        "zh": "按招商页面的导入检查一个文件（.csv 或模板 .xlsx），列出问题；不保存任何内容",
        "en": "check a file (.csv or the template's .xlsx) as the Investment page's import does, listing its problems; "
        "nothing is saved",
    },
    "h_invest_file": {"zh": "要检查的文件", "en": "the file to check"},
    "h_invest_crs": {
        "zh": "文件中坐标的坐标系（默认 gcj02，与页面相同）",
        "en": "coordinate system of the file's coordinates (default gcj02, as on the page)",
    },
    # --- doctor ---
    "h_processes": {"zh": "代理后面的应用进程数（默认 1）", "en": "app processes behind the proxy (default 1)"},
    # --- an option's value refused while parsing ---
    "h_bad_number": {"zh": "不是整数：{value}", "en": "not a whole number: {value}"},
    "h_bad_date": {
        "zh": "不是日期：{value}；请写 YYYY-MM-DD（如 2025-06-30）或 YYYY-MM",
        "en": "not a date: {value}; write YYYY-MM-DD (e.g. 2025-06-30) or YYYY-MM",
    },
    "h_bad_year": {"zh": "不是年份：{value}；请写如 2025", "en": "not a year: {value}; write e.g. 2025"},
    "h_year_range": {"zh": "年份 {year} 不在 2000–2100 之间", "en": "year {year} out of range 2000–2100"},
    "h_bad_month": {
        "zh": "不是月份：{value}；请写 YYYY-MM（如 2025-11）",
        "en": "not a month: {value}; write YYYY-MM (e.g. 2025-11)",
    },
    "h_bad_lang": {
        "zh": "没有语言 {value}；可选：{choices}",
        "en": "unknown language {value}; choose one of {choices}",
    },
}
