"""UI strings of the workspace: versions, plan import, comparison (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "ws_page": {"zh": "工作空间", "en": "Workspace"},
    "ws_db": {"zh": "数据库", "en": "Database"},
    "ws_versions": {"zh": "规划版本", "en": "Plan versions"},
    "ws_show": {"zh": "地图和审视页显示的版本", "en": "Version the map and audit pages show"},
    "ws_showing": {"zh": "当前显示版本", "en": "Now showing"},
    "ws_open_map": {"zh": "在地图中打开此版本", "en": "Open this version on the map"},
    "ws_template": {"zh": "下载导入模板（Excel，含说明和下拉列表）", "en": "Download the import template (Excel)"},
    "ws_template_base": {"zh": "模板预填的版本", "en": "Template filled with version"},
    "ws_import": {"zh": "导入规划版本", "en": "Import a plan version"},
    "ws_import_help": {
        "zh": "上传填好的模板（.xlsx）、表格 CSV（文件名取模板中的表名，如布局表为 `assignments.csv`），"
        "或整套版本 zip（与 `geodata/` 结构相同）。",
        "en": "Upload the filled template (.xlsx), table CSVs (each named as its sheet in the template, e.g. "
        "`assignments.csv` for the layout sheet) or a whole-version zip.",
    },
    "ws_files": {"zh": "文件", "en": "Files"},
    "ws_title": {"zh": "版本名称", "en": "Version title"},
    "ws_base": {
        "zh": "基础版本（CSV/模板中未给出的表取自此版本）",
        "en": "Base version (tables not given come from it)",
    },
    "ws_do_import": {"zh": "检查并导入", "en": "Check and import"},
    "ws_imported": {"zh": "已导入为新版本", "en": "Imported as new version"},
    "ws_rejected": {
        "zh": "未导入：请修正以下全部问题后重试（工作空间未作任何改动）",
        "en": "Not imported: fix every problem below and retry (nothing was saved)",
    },
    "ws_undrawn": {
        "zh": "以下地区尚无边界，暂不能上图（请导入边界）",
        "en": "These areas have no boundary yet and are not drawn (import boundaries)",
    },
    "ws_compare": {"zh": "版本比较", "en": "Compare versions"},
    "ws_before": {"zh": "比较基准（之前）", "en": "Before"},
    "ws_after": {"zh": "比较对象（之后）", "en": "After"},
    "ws_chain_filter": {"zh": "按产业链显示承载地区的变化（可选）", "en": "Show host changes for one chain (optional)"},
    "ws_all_industries": {"zh": "全部产业（地区产业增减）", "en": "All industries (per-area gains and losses)"},
    "ws_no_change": {"zh": "两个版本没有差别。", "en": "The two versions do not differ."},
    "ws_chains_table": {"zh": "各产业链承载地区变化", "en": "Chain hosts added / removed / kept"},
    "ws_areas_table": {"zh": "各地区产业增减", "en": "Industries gained / lost per area"},
    "ws_figures_table": {"zh": "数字变化", "en": "Figures changed"},
    "ws_download_cmp": {"zh": "导出比较结果（XLSX）", "en": "Export the comparison (XLSX)"},
    "ws_export": {"zh": "导出版本", "en": "Export a version"},
    "cmp_gained": {"zh": "新增", "en": "Gained"},
    "cmp_lost": {"zh": "减少", "en": "Lost"},
    "cmp_both": {"zh": "有增有减", "en": "Gained and lost"},
    "cmp_unchanged": {"zh": "未变", "en": "Unchanged"},
    "cmp_new": {"zh": "新增地区", "en": "New area"},
    "cmp_dropped": {"zh": "删除的地区", "en": "Area dropped"},
    "cmp_none": {"zh": "不涉及", "en": "Not involved"},
    "cmp_figure_ref": {"zh": "{ref}（第{line}行）", "en": "Line {line}: {ref}"},
    "cmp_value": {"zh": "数值", "en": "Value"},
    "cmp_legend": {"zh": "版本差异", "en": "Difference"},
    # --- the bundled baseline's title and note as shown (the stored ones stay as seeded) ---
    "ws_baseline_title": {"zh": "“十四五”规划（随附基线）", "en": "14th Five-Year Plan (bundled baseline)"},
    "ws_baseline_note": {"zh": "只读", "en": "read-only"},
    "ws_title_example": {"zh": "十五五 规划草案", "en": "15th Five-Year Plan draft"},
    # --- who may import and publish; lineage (issue 19) ---
    "ev_stale_base": {
        "zh": "基础版本 v{base} 不是最新发布的版本 v{latest}：发布会取代 v{latest}，其中较新的内容将不再是默认。"
        "请确认后再发布（工作空间页的确认选项，或命令行 --confirm-stale-base）。",
        "en": "The base version v{base} is not the latest published version v{latest}: publishing supersedes "
        "v{latest} and hides its newer content. Confirm to publish anyway (the Workspace page's confirmation, or "
        "--confirm-stale-base on the command line).",
    },
    "ws_signin_to_import": {
        "zh": "本工作空间已设账户：导入需先登录（编辑者导入为草案，管理员发布）。未登录只能查看。",
        "en": "This workspace has accounts: sign in to import (an editor's import is a draft; an admin publishes). "
        "Without signing in you can only view.",
    },
    "ws_import_makes_draft": {
        "zh": "导入的版本是草案：管理员发布后才成为大家默认看到的版本。",
        "en": "An import becomes a draft: it is what everyone sees by default only once an admin publishes it.",
    },
    "ws_import_publishes": {
        "zh": "本工作空间未设账户：导入的版本直接发布（记为“本机用户”）。",
        "en": "This workspace has no accounts: an import is published at once (recorded as “this computer”).",
    },
    "ws_imported_draft": {"zh": "已导入为草案", "en": "Imported as draft"},
    "ws_supersedes": {"zh": "取代 v{latest}", "en": "supersedes v{latest}"},
    "ws_stale_warning": {
        "zh": "所选基础版本 v{base} 不是最新发布的版本 v{latest}："
        "新版本将取代 v{latest}，v{latest} 中较新的内容不会包含在内。",
        "en": "The chosen base v{base} is not the latest published version v{latest}: the new version supersedes "
        "v{latest}, and what v{latest} added is not in it.",
    },
    "ws_confirm_stale": {
        "zh": "我已了解，仍要取代 v{latest}",
        "en": "I understand; supersede v{latest} anyway",
    },
    "ws_publish": {"zh": "发布草案", "en": "Publish a draft"},
    "ws_publish_admin_only": {"zh": "只有管理员可以发布草案。", "en": "Only an admin can publish a draft."},
    "ws_no_drafts": {"zh": "没有待发布的草案。", "en": "There is no open draft."},
    "ws_publish_draft": {"zh": "草案", "en": "Draft"},
    "ws_publish_title": {"zh": "发布名称", "en": "Published title"},
    "ws_publish_date": {"zh": "规划日期", "en": "Plan date"},
    "ws_publish_reason": {"zh": "说明（可选）", "en": "Note (optional)"},
    "ws_publish_will": {
        "zh": "发布后 v{draft} 成为最新发布版本，取代 v{latest}。",
        "en": "Once published, v{draft} is the latest published version and supersedes v{latest}.",
    },
    "ws_do_publish": {"zh": "发布", "en": "Publish"},
    "ws_published": {"zh": "已发布 v{id}，取代 v{latest}。", "en": "Published v{id}; it supersedes v{latest}."},
    "ws_col_lineage": {"zh": "来源 → 本版本", "en": "Base → this version"},
    "ws_col_author": {"zh": "作者", "en": "Author"},
    "ws_col_supersedes": {"zh": "取代版本", "en": "Supersedes"},
    "ws_col_published_by": {"zh": "发布人", "en": "Published by"},
    "bnd_signin_to_import": {
        "zh": "本工作空间已设账户：导入边界需先以编辑者或管理员登录。未登录只能查看。",
        "en": "This workspace has accounts: sign in as an editor or admin to import boundaries. Without signing in "
        "you can only view.",
    },
    "bnd_saved_draft": {
        "zh": "已保存为草案 v{version}（基于 v{base}）；管理员发布后成为默认版本。",
        "en": "Saved as draft v{version} (from v{base}); it becomes the default once an admin publishes it.",
    },
    "inv_signin_to_import": {
        "zh": "本工作空间已设账户：导入需先以编辑者或管理员登录。",
        "en": "This workspace has accounts: sign in as an editor or admin to import.",
    },
    # --- plan import problems (sq_layout.plan.tables/check, sq_layout.imports.plan_*), issue 20 ---
    "pi_in": {"zh": "{file}：{problem}", "en": "{file}: {problem}"},
    "pi_problems": {"zh": "{path}：{n} 个问题", "en": "{path}: {n} problem(s)"},
    "pi_more": {"zh": "……另有 {n} 个问题", "en": "… and {n} more"},
    "pi_row": {"zh": "第 {row} 行（文件第 {line} 行）", "en": "row {row} (line {line})"},
    "pi_at_column": {"zh": "{where}，{column}：{problem}", "en": "{where}, {column}: {problem}"},
    "pi_all_rows": {"zh": "所有行", "en": "all rows"},
    "pi_column": {"zh": "列 {column}（{header}）", "en": "column '{column}'"},
    "pi_column_bare": {"zh": "列 {column}", "en": "column '{column}'"},
    "pi_whole_table": {"zh": "整表", "en": "column '(table)'"},
    "pi_none": {"zh": "无", "en": "none"},
    "pi_file_not_found": {"zh": "找不到文件", "en": "file not found"},
    "pi_too_big": {
        "zh": "文件大小 {size:.1f} MB，上限为 {limit:.0f} MB",
        "en": "file is {size:.1f} MB; the limit is {limit:.0f} MB",
    },
    "pi_not_utf8": {
        "zh": "不是 UTF-8 编码的文本（第 {byte} 字节）；请另存为 UTF-8 编码的 CSV",
        "en": "not UTF-8 text (byte {byte}); save it as UTF-8 CSV",
    },
    "pi_not_utf8_text": {
        "zh": "不是 UTF-8 编码的文本（第 {byte} 字节）；请另存为 UTF-8 编码",
        "en": "not UTF-8 text (byte {byte}); save it as UTF-8",
    },
    "pi_malformed_csv": {
        "zh": "CSV 格式有误{at}：每行的字段数须与表头一致，引号须成对",
        "en": "malformed CSV: {reason}",
    },
    "pi_at_line": {"zh": "（文件第 {line} 行）", "en": " (line {line})"},
    "pi_empty": {"zh": "文件为空", "en": "file is empty"},
    "pi_not_spreadsheet": {
        "zh": "无法作为表格读取（应为 UTF-8 编码的 CSV 或 .xlsx 工作簿）",
        "en": "cannot read as a spreadsheet: {reason}",
    },
    "pi_extra_fields": {
        "zh": "{where}：有 {n} 个字段，但表头只有 {header} 个；多出的值 {extra}",
        "en": "{where}: {n} fields but the header has {header}; extra values {extra}",
    },
    "pi_got": {
        "zh": "{where}，{column}：值为 {value}，{expected}",
        "en": "{where}, {column}: got {value}, expected {expected}",
    },
    "pi_chk_isin": {"zh": "应为以下之一：{values}", "en": "one of: {values}"},
    "pi_chk_isin_blank": {"zh": "应为以下之一或留空：{values}", "en": "one of: {values}, or empty"},
    "pi_chk_nonempty": {"zh": "不能为空", "en": "not empty"},
    "pi_chk_len": {"zh": "长度应为 {min}–{max} 个字符", "en": "{min}–{max} characters long"},
    "pi_chk_len_min": {"zh": "长度至少 {min} 个字符", "en": "at least {min} characters long"},
    "pi_chk_len_max": {"zh": "长度至多 {max} 个字符", "en": "at most {max} characters long"},
    "pi_chk_ge": {"zh": "应不小于 {v}", "en": "at least {v}"},
    "pi_chk_gt": {"zh": "应大于 {v}", "en": "greater than {v}"},
    "pi_chk_le": {"zh": "应不大于 {v}", "en": "at most {v}"},
    "pi_chk_lt": {"zh": "应小于 {v}", "en": "less than {v}"},
    "pi_chk_range": {"zh": "应在 {min}–{max} 之间", "en": "between {min} and {max}"},
    "pi_chk_id": {
        "zh": "应为编号：小写字母开头，只含小写字母、数字和下划线",
        "en": "an id: a lower-case letter, then lower-case letters, digits and underscores",
    },
    "pi_chk_pattern": {"zh": "格式应符合 {pattern}", "en": "matching {pattern}"},
    "pi_chk_adcode": {"zh": "应为 6 位数字的行政区划代码，或留空", "en": "a 6-digit administrative code, or empty"},
    "pi_chk_stat_code": {
        "zh": "应为 6 位或 9 位数字的统计用区划代码，或留空",
        "en": "a 6- or 9-digit statistical code, or empty",
    },
    "pi_chk_color": {
        "zh": "应为 # 加 6 位十六进制数的颜色，如 #1f77b4",
        "en": "a colour as # and 6 hex digits, e.g. #1f77b4",
    },
    "pi_chk_conflict_id": {"zh": "应为 C 加至少 2 位数字，如 C07", "en": "C and at least 2 digits, e.g. C07"},
    "pi_chk_lines": {
        "zh": "应为行号，多个行号用英文分号隔开，如 174;175",
        "en": "line numbers separated by semicolons, e.g. 174;175",
    },
    "pi_chk_code": {"zh": "应为编号：只含字母、数字和下划线", "en": "a code of letters, digits and underscores"},
    "pi_chk_not_null": {"zh": "不能为空", "en": "a value"},
    "pi_chk_unique": {"zh": "不能与其他行重复", "en": "unique"},
    "pi_chk_int": {"zh": "应为整数", "en": "a whole number"},
    "pi_chk_number": {"zh": "应为数字", "en": "a number"},
    "pi_chk_finite": {"zh": "应为有限的数字（不能是无穷大或非数）", "en": "a finite number (not inf or nan)"},
    "pi_chk_other": {"zh": "应满足检查 {check}", "en": "to pass the check {check}"},
    "pi_unknown_key": {
        "zh": "{where}，{column}：{value} 不是已有的{what}；应为以下之一：{sample}",
        "en": "{where}, {column}: unknown {what} {value}; expected one of {sample}",
    },
    "pi_unknown_chain": {
        "zh": "{where}，{column}：没有编号为 {value} 的产业链；应为以下之一：{known}",
        "en": "{where}, {column}: unknown chain {value}; expected one of {known}",
    },
    "pi_columns": {
        "zh": "列不符：缺少 {missing}；多出 {extra}；应有的列为 {expected}",
        "en": "columns missing {missing}, unexpected {extra}; expected {expected}",
    },
    "pi_past_end": {
        "zh": "{where}，{column}：{value} 超出规划全文的最后一行（第 {n} 行）",
        "en": "{where}, {column}: {value} is past the plan text's last line {n}",
    },
    "pi_unknown_boundary": {
        "zh": "有边界的地区 {area} 不在地区表中；应为以下之一：{known}",
        "en": "boundary for unknown area {area}; expected one of {known}",
    },
    "pi_no_boundary": {"zh": "地区 {area} 没有边界", "en": "no boundary for area {area}"},
    "pi_json_too_deep": {"zh": "JSON 嵌套过深，不是 GeoJSON", "en": "JSON nested too deeply to be GeoJSON"},
    "pi_features_unreadable": {
        "zh": "无法读取要素或坐标系（{reason}）",
        "en": "cannot read features or CRS: {reason}",
    },
    "pi_area_id_text": {
        "zh": "area_id 应为一个文本编号，如 'susu'",
        "en": "area_id must be one text id such as 'susu'",
    },
    "pi_geom_empty": {"zh": "几何图形为空", "en": "empty geometry"},
    "pi_outside": {
        "zh": "坐标范围 {span} 超出{where} {box}；坐标系是否声明正确（WGS-84 经纬度，或 crs 成员）？",
        "en": "coordinates span {span}, outside {where} {box}; is the CRS declared correctly (lon/lat WGS-84, or a "
        "'crs' member)?",
    },
    "pi_where_china": {"zh": "中国范围", "en": "China"},
    "pi_where_counties": {"zh": "各县区的范围", "en": "the counties' extent"},
    "pi_only_geojson": {
        "zh": "{name}：此处只读取 GeoJSON（.geojson，含坐标系）；请先转换，如 `ogr2ogr -t_srs EPSG:4326 out.geojson "
        "{name}`（Shapefile 须有 .prj 才知坐标系）",
        "en": "{name}: only GeoJSON (.geojson, with its CRS) is read here; convert it, e.g. "
        "`ogr2ogr -t_srs EPSG:4326 out.geojson {name}` (a Shapefile needs its .prj to know its CRS)",
    },
    "pi_area_twice": {
        "zh": "area_id {area} 同时在 {one} 和 {other} 中",
        "en": "area_id {area} is in both {one} and {other}",
    },
    "pi_area_iou": {
        "zh": "area_id {area}：与随附边界的重叠度 IoU 为 {score:.2f}（低于 {least}）；地区和坐标系是否正确？",
        "en": "area_id {area}: overlaps the bundled outline by IoU {score:.2f} (< {least}); is it the right area and "
        "CRS?",
    },
    "pi_area_dup": {"zh": "area_id {area} 有不止一个边界", "en": "area_id {area} has more than one boundary"},
    "pi_names_columns": {
        "zh": "缺少列 {missing}；应有的列为 {expected}",
        "en": "missing column(s) {missing}; expected {expected}",
    },
    "pi_names_empty": {
        "zh": "{where}：name 和 name_en 都不能为空",
        "en": "{where}: 'name' and 'name_en' must not be empty",
    },
    "pi_names_twice": {"zh": "{where}：name {name} 重复列出", "en": "{where}: 'name' {name} is listed twice"},
    "pi_geojson_text": {"zh": "不是有效的 GeoJSON 文本", "en": "not valid GeoJSON text: {reason}"},
    "pi_geojson_collection": {
        "zh": "应为 GeoJSON 要素集合（FeatureCollection，含 features 列表）",
        "en": "expected a GeoJSON FeatureCollection with a 'features' list",
    },
    "pi_feature": {"zh": "第 {i} 个要素（area_id={area}）", "en": "feature {i} (area_id={area})"},
    "pi_geom_unreadable": {"zh": "几何图形无法读取", "en": "unreadable geometry ({reason})"},
    "pi_props_missing": {
        "zh": "缺少属性 {missing}；每个要素都须有 area_id、geometry_quality、source",
        "en": "properties {missing} missing; each feature needs area_id, geometry_quality, source",
    },
    "pi_geom_kind": {
        "zh": "几何类型为 {kind}，应为面（Polygon 或 MultiPolygon）",
        "en": "geometry is {kind}, expected Polygon or MultiPolygon",
    },
    "pi_geom_invalid": {"zh": "几何图形无效（{reason}）", "en": "invalid geometry ({reason})"},
    "pi_geom_quality": {
        "zh": "geometry_quality 为 {value}，应为以下之一：{choices}",
        "en": "geometry_quality {value}, expected one of {choices}",
    },
    "pi_not_lonlat": {
        "zh": "坐标范围 {range} 不是经纬度",
        "en": "coordinates {range} are not lon/lat",
    },
    "pi_no_areas": {
        "zh": "未找到 areas.csv；应为 plan/areas.csv … plan/plan_text.txt 的结构（见使用手册）",
        "en": "no areas.csv found; expected plan/areas.csv … plan/plan_text.txt (see README)",
    },
    "pi_text_missing": {
        "zh": "缺少此文件；各表的行号列引用规划全文的行",
        "en": "missing; the plan text is what every 'line' column cites",
    },
    "pi_unsafe_zip": {"zh": "zip 中的路径不安全：{path}", "en": "unsafe path in zip: {path}"},
    "pi_not_zip": {"zh": "不是 zip 压缩文件", "en": "not a zip file: {reason}"},
    "pi_no_template_sheet": {
        "zh": "工作簿中没有模板的数据表（应有以下工作表之一并含表头：{sheets}）",
        "en": "the workbook has none of the template's data sheets (one of these, with its header row: {sheets})",
    },
    "pi_not_xlsx": {
        "zh": "无法作为 Excel 工作簿（.xlsx）读取",
        "en": "cannot read as an Excel workbook (.xlsx): {reason}",
    },
    "pi_not_plan_table": {
        "zh": "不是规划表；文件名应为以下之一：{names}",
        "en": "not a plan table; name the file one of {names}",
    },
    "pi_sheet": {"zh": "工作表 {name}", "en": "sheet {name}"},
    "pi_base_table": {"zh": "{name}.csv（基础版本）", "en": "{name}.csv (base version)"},
    "pi_base_boundaries": {"zh": "基础版本的边界", "en": "base boundaries"},
    "pi_no_file": {"zh": "（未选文件）", "en": "(no file)"},
    "pi_choose_file": {"zh": "请选择文件：{kinds} 或文件夹", "en": "choose a file: {kinds} or a folder"},
    "pi_unsupported": {
        "zh": "不支持的文件类型；请用一个 .xlsx、若干表格 CSV 或一个 .zip/文件夹",
        "en": "unsupported file type; use one .xlsx, CSV tables, or a .zip/folder bundle",
    },
}
