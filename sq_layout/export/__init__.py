"""Data exports (CSV, XLSX, GeoJSON, GeoPackage) and the audit workbook."""
