"""UI strings of editing: drafts, history with reasons, sign-in, conflicts (zh/en)."""

from __future__ import annotations

from sq_layout.i18n.lang import Lang

TEXT: dict[str, dict[str, str]] = {
    "ed_page": {"zh": "编辑", "en": "Edit"},
    "ed_draft": {"zh": "草案", "en": "Draft"},
    "ed_draft_badge": {"zh": "草案 · 未发布，内容可能变化", "en": "草案 Draft · not published, may change"},
    "ed_viewing_only": {
        "zh": "浏览无需登录；编辑需要编辑员账号。",
        "en": "Viewing needs no account; editing needs an editor.",
    },
    "ed_signin": {"zh": "登录", "en": "Sign in"},
    "ed_signout": {"zh": "退出登录", "en": "Sign out"},
    "ed_user": {"zh": "用户名", "en": "User name"},
    "ed_password": {"zh": "密码", "en": "Password"},
    "ed_signed_in_as": {"zh": "已登录：{user}（{role}）", "en": "Signed in: {user} ({role})"},
    "role_viewer": {"zh": "查看者", "en": "Viewer"},
    "role_editor": {"zh": "编辑员", "en": "Editor"},
    "role_admin": {"zh": "管理员", "en": "Administrator"},
    "acc_signin": {"zh": "登录方式", "en": "Signs in with"},
    "acc_password": {"zh": "密码", "en": "Password"},
    "acc_proxy_only": {"zh": "仅单点登录", "en": "Single sign-on only"},
    "acc_created": {"zh": "创建时间", "en": "Created"},
    "ed_bad_signin": {"zh": "用户名或密码不正确。", "en": "Wrong user name or password."},
    "ed_locked": {
        "zh": "登录失败次数过多，请 {s} 秒后再试。",
        "en": "Too many failed sign-ins; try again in {s} s.",
    },
    "ed_via_proxy": {"zh": "由单点登录代理识别", "en": "named by the single-sign-on proxy"},
    "ed_not_editor": {"zh": "当前账号无编辑权限。", "en": "This account may not edit."},
    "ed_start_draft": {"zh": "以此版本新建草案", "en": "Start a draft from this version"},
    "ed_draft_title": {"zh": "草案标题", "en": "Draft title"},
    "ed_published_on": {"zh": "{date} 发布", "en": "published {date}"},  # a published version's note
    "ed_draft_default": {"zh": "{title}（草案）", "en": "Draft of {title}"},  # the title left empty
    "ed_published_readonly": {
        "zh": "已发布版本不可修改；编辑会基于它新建草案。",
        "en": "A published version is never edited; editing starts a draft from it.",
    },
    "ed_reason": {"zh": "修改理由（必填）", "en": "Reason (required)"},
    "ed_save": {"zh": "保存", "en": "Save"},
    "ed_saved": {"zh": "已保存（修改 #{id}）。", "en": "Saved (change #{id})."},
    "ed_kind": {"zh": "修改内容", "en": "What to change"},
    "ed_k_host": {"zh": "增删承载（区域 × 产业/细分/产业链）", "en": "Add/remove an assignment"},
    "ed_k_detail": {"zh": "特色产品、载体与龙头企业", "en": "Products, carriers, lead firms"},
    "ed_k_figures": {"zh": "产业链数字与目标", "en": "Chain figures and targets"},
    "ed_k_rename": {"zh": "区域或产业链更名", "en": "Rename an area or chain"},
    "ed_k_boundary": {"zh": "区域边界", "en": "Area boundary"},
    "ed_add": {"zh": "添加", "en": "Add"},
    "ed_remove": {"zh": "删除", "en": "Remove"},
    "ed_source_note": {"zh": "出处（规划段落、会议、文号）", "en": "Source (plan passage, meeting, document no.)"},
    "ed_plan_line": {"zh": "规划原文行号", "en": "Plan line"},
    "ed_history": {"zh": "修改记录", "en": "History"},
    "ed_history_scope": {"zh": "范围", "en": "Scope"},
    "ed_whole_version": {"zh": "整个版本", "en": "Whole version"},
    "ed_revert": {"zh": "撤销此修改", "en": "Revert this change"},
    "ed_return": {"zh": "草案回到此修改之后的状态", "en": "Return the draft to just after this change"},
    "ed_publish": {"zh": "发布草案", "en": "Publish the draft"},
    "ed_publish_title": {"zh": "发布标题", "en": "Title"},
    "ed_publish_date": {"zh": "发布日期", "en": "Date"},
    "ed_published": {"zh": "已发布为版本 {id}。", "en": "Published as version {id}."},
    "ed_published_since": {
        "zh": "此草案基于 v{base}；此后又发布了以下版本。发布此草案将取代其中最新的 v{latest}，"
        "它们较新的内容不在此草案中：",
        "en": "This draft was made from v{base}; these versions were published since. Publishing it supersedes the "
        "latest, v{latest}, and what they added is not in this draft:",
    },
    "ed_col_version": {"zh": "版本", "en": "Version"},
    "ed_col_published_by": {"zh": "发布人", "en": "Published by"},
    "ed_col_published_at": {"zh": "发布时间", "en": "Published at"},
    "ed_users": {"zh": "用户管理", "en": "Users"},
    "ed_role": {"zh": "角色", "en": "Role"},
    "ed_history_xlsx": {"zh": "下载修改记录（XLSX）", "en": "Download the history (XLSX)"},
    "ed_conflict": {
        "zh": "保存被拒绝：在您打开后，{who} 于 {when} 修改了同一条记录（理由：{why}）。未写入任何内容。",
        "en": "Not saved: {who} changed the same record at {when} after you opened it (reason: {why}). "
        "Nothing was written.",
    },
    "ed_conflict_removed": {
        "zh": "保存被拒绝：在您打开后，{who} 于 {when} 删除了该记录（理由：{why}）。未写入任何内容，其他记录未受影响。",
        "en": "Not saved: {who} removed this record at {when} after you opened it (reason: {why}). Nothing was "
        "written; no other record was touched.",
    },
    "ed_reapply": {"zh": "在最新内容上重新应用我的修改", "en": "Re-apply my change on the current record"},
    "ed_field": {"zh": "字段", "en": "Field"},
    "ed_yours": {"zh": "您的修改", "en": "Yours"},
    "ed_theirs": {"zh": "当前（他人修改后）", "en": "Now (their change)"},
    "ed_seen": {"zh": "您打开时", "en": "When you opened it"},
    "ed_no_changes": {"zh": "暂无修改记录。", "en": "No changes yet."},
    "ed_boundary_file": {
        "zh": "边界文件（GeoJSON、Shapefile（.zip）、GeoPackage、KML/KMZ；多个要素合并为该区域的边界）",
        "en": "Boundary file (GeoJSON, Shapefile .zip, GeoPackage, KML/KMZ; several features are merged into the "
        "area's boundary)",
    },
    "ed_boundary_not_saved": {
        "zh": "边界未通过检查，未保存任何内容：",
        "en": "The boundary fails the checks; nothing was saved:",
    },
    "ed_boundary_checks": {"zh": "检查结果", "en": "Checks"},
    "ed_text": {"zh": "内容", "en": "Text"},
    "ed_detail_kind": {"zh": "类别", "en": "Kind"},
    "ed_detail_pick": {"zh": "特色产品、载体与龙头企业", "en": "Products, carriers and lead firms"},
    "ed_detail_industry": {"zh": "所属产业（可空）", "en": "Industry (may be empty)"},
    "ed_none": {"zh": "（无）", "en": "(none)"},
    "ed_nothing_to_remove": {"zh": "该区域没有可删除的记录。", "en": "This area has nothing to remove."},
    "ed_nothing_changed": {"zh": "没有修改任何字段。", "en": "No field was changed."},
    "ed_src_kind": {"zh": "出处类型", "en": "Kind of source"},
    "ed_src_plan": {"zh": "规划原文", "en": "Plan text"},
    "ed_src_part": {"zh": "规划部分", "en": "Part of the plan"},
    "ed_quote": {
        "zh": "引文（须与该行原文逐字一致）",
        "en": "Quote (must stand word for word on that line)",
    },
    "ed_ref_plan": {"zh": "出处说明（如“第五章 第九节”）", "en": "Reference (e.g. “Ch. 5 §9”)"},
    "ed_ref_meeting": {"zh": "会议名称与日期", "en": "Meeting and date"},
    "ed_ref_document": {"zh": "文件名称与文号", "en": "Document title and number"},
    "ed_line_preview": {"zh": "第 {line} 行：{text}", "en": "Line {line}: {text}"},
    "ed_pick_change": {"zh": "修改", "en": "Change"},
    "ed_as_created": {"zh": "草案创建时", "en": "The draft as created"},
    # validation and permission messages (placeholders filled by the store)
    "ev_reason": {"zh": "请填写修改理由（1–500字）。", "en": "Give a reason (1–500 characters)."},
    "ev_unknown": {
        "zh": "未知{what}“{value}”；可选：{choices}",
        "en": "Unknown {what} '{value}'; expected one of {choices}",
    },
    "ev_duplicate": {"zh": "重复：{what} 已存在。", "en": "Duplicate: {what} is already there."},
    "ev_not_number": {
        "zh": "{field} 须为有限的非负数字，而不是“{value}”。",
        "en": "{field} must be a finite number ≥ 0, not '{value}'.",
    },
    "ev_empty": {"zh": "{field} 不能为空。", "en": "{field} must not be empty."},
    "ev_too_long": {"zh": "{field} 过长（最多 {n} 字）。", "en": "{field} is too long (at most {n} characters)."},
    "ev_bad_text": {"zh": "{field} 含有不允许的控制字符。", "en": "{field} contains a control character."},
    "ev_not_editable": {
        "zh": "“{field}”不能在编辑中修改（新增区域或产业链请用导入）。",
        "en": "'{field}' cannot be changed by editing (new areas or chains come by import).",
    },
    "ev_line": {"zh": "行号须在 1–{n} 之间。", "en": "The plan line must be between 1 and {n}."},
    "ev_line_not_plan": {
        "zh": "会议或文件出处没有规划原文行号；引用规划原文请选择“规划原文”。",
        "en": "A meeting or document source has no plan line; to cite the plan text choose “Plan text”.",
    },
    "ev_ref_required": {
        "zh": "请填写会议名称与日期或文件文号。",
        "en": "Give the meeting and its date, or the document number.",
    },
    "ev_quote_required": {
        "zh": "引用规划原文须填写该行的原文引文。",
        "en": "A plan-text source needs a quote from its line.",
    },
    "ev_quote_not_on_line": {
        "zh": "引文“{quote}”不在规划原文第 {line} 行（该行为：“{text}”）。",
        "en": "The quote “{quote}” does not stand on plan line {line} (that line reads: “{text}”).",
    },
    "ev_history_moved": {
        "zh": "未执行：您打开修改记录后，{who} 于 {when} 保存了修改 #{id}（理由：{why}）。"
        "请查看后再操作；未写入任何内容。",
        "en": "Not done: {who} saved change #{id} at {when} after you opened the history (reason: {why}). Look at it "
        "first; nothing was written.",
    },
    "ev_name_taken": {"zh": "名称“{value}”已被使用。", "en": "The name '{value}' is already used."},
    "ev_not_draft": {
        "zh": "版本 {id} 不是草案：已发布版本不可修改，请先新建草案。",
        "en": "Version {id} is not a draft: published versions are never edited; start a draft first.",
    },
    "ev_no_row": {"zh": "{table} 中没有第 {row} 条记录。", "en": "{table} has no record {row}."},
    "ev_geometry": {"zh": "边界须为有效的面（Polygon）。", "en": "The boundary must be a valid polygon."},
    "ev_already_reverted": {"zh": "修改 #{id} 已撤销。", "en": "Change #{id} is already reverted."},
    "ev_inconsistent": {"zh": "草案未通过检查：{problem}", "en": "The draft fails a check: {problem}"},
    # the store's consistency check of a draft being published (sq_layout.store.consistency)
    "cs_row_twice": {
        "zh": "{table}：第 {row} 行与另一行完全相同",
        "en": "{table}: row {row} duplicates another row exactly",
    },
    "cs_area_twice": {"zh": "边界：{area} 有两个", "en": "Boundaries: {area} is drawn twice"},
    "cs_bad_revision": {
        "zh": "{table}：{n} 条记录的修订号小于 1",
        "en": "{table}: {n} record(s) with a revision below 1",
    },
    "cs_draft_mark": {
        "zh": "版本 {v} 已不是草案，却仍有草案标记",
        "en": "Version {v} is no draft but still marked as one",
    },
    "cs_draft_unmarked": {
        "zh": "版本 {v} 是草案，却没有草案标记",
        "en": "Version {v} is a draft without its draft mark",
    },
    "cs_stray_revert": {
        "zh": "修改记录：版本 {v} 的撤销指向其他版本的修改",
        "en": "History: a revert of version {v} points at another version's change",
    },
    "ev_user": {"zh": "用户名须为 1–64 个字符，且不含空白。", "en": "User names are 1–64 characters, no spaces."},
    "ev_user_exists": {"zh": "用户“{value}”已存在。", "en": "User '{value}' already exists."},
    "ev_password": {"zh": "密码须至少 8 位，且首尾无空白。", "en": "Passwords need 8+ characters, no edge spaces."},
    "ev_role": {"zh": "角色须为 viewer、editor 或 admin。", "en": "The role must be viewer, editor or admin."},
    # --- proxy sign-in settings (a malformed value turns proxy sign-in off, with this message) ---
    "ed_proxy_bad_addrs": {
        "zh": "代理登录已停用：环境变量 {setting} 的值“{value}”不是 IP 地址或网段（如 10.1.0.5、10.1.0.0/24、::1，"
        "以逗号分隔）。请管理员修正后重启。",
        "en": "Proxy sign-in is off: {setting} = '{value}' is not an IP address or network (e.g. 10.1.0.5, "
        "10.1.0.0/24, ::1, comma-separated). An administrator must fix it and restart.",
    },
    "ed_proxy_bad_header": {
        "zh": "代理登录已停用：环境变量 {setting} 的值“{value}”不是 HTTP 头名称（如 X-Remote-User）。"
        "请管理员修正后重启。",
        "en": "Proxy sign-in is off: {setting} = '{value}' is not an HTTP header name (e.g. X-Remote-User). "
        "An administrator must fix it and restart.",
    },
}

# Field names an edit form or a refusal shows, in the reader's language (never the column name).
FIELDS: dict[str, dict[str, str]] = {
    "name": {"zh": "名称", "en": "Name (Chinese)"},
    "short_name": {"zh": "简称", "en": "Short name (Chinese)"},
    "name_en": {"zh": "英文名称", "en": "Name (English)"},
    "short_name_en": {"zh": "英文简称", "en": "Short name (English)"},
    "output_2020_yi": {"zh": "2020年产值（亿元）", "en": "2020 output (100 million yuan)"},
    "target_2023_yi": {"zh": "2023年目标（亿元）", "en": "2023 target (100 million yuan)"},
    "target_2025_yi": {"zh": "2025年目标（亿元）", "en": "2025 target (100 million yuan)"},
    "text": {"zh": "内容", "en": "Text"},
    "ref": {"zh": "出处说明", "en": "Reference"},
    "quote": {"zh": "引文", "en": "Quote"},
    "line": {"zh": "规划原文行号", "en": "Plan line"},
    "source": {"zh": "出处类型", "en": "Kind of source"},
    "kind": {"zh": "类别", "en": "Kind"},
    "area_id": {"zh": "区域", "en": "Area"},
    "industry_id": {"zh": "产业", "en": "Industry"},
    "subindustry_id": {"zh": "细分产业", "en": "Sub-industry"},
    "area_as_written": {"zh": "原文中的区域写法", "en": "Area as written"},
    "geometry": {"zh": "边界", "en": "Boundary"},
    "note": {"zh": "备注", "en": "Note"},
}


def field(name: str, lang: Lang) -> str:
    """A record field's label in a language (an unknown field keeps its name)."""
    return FIELDS.get(name, {}).get(lang, name)
