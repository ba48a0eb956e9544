"""Messages of refused uploads and other bad input (zh/en); sq_layout.upload_limits fills them in."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "lim_bytes": {
        "zh": "{file}：文件 {size}，超过上限 {limit}，未读取。",
        "en": "{file}: the file is {size}; the limit is {limit}. Nothing was read.",
    },
    "lim_unpacked": {
        "zh": "{file}：解压后 {size}，超过上限 {limit}，未读取。",
        "en": "{file}: unpacked it is {size}; the limit is {limit}. Nothing was read.",
    },
    "lim_member": {
        "zh": "{file}：其中的 {member} 解压后 {size}，单个部分的上限为 {limit}，未读取。",
        "en": "{file}: its part {member} unpacks to {size}; the limit for one part is {limit}. Nothing was read.",
    },
    "lim_ratio": {
        "zh": "{file}：解压后是压缩大小的 {ratio} 倍，上限为 {limit} 倍（疑似压缩炸弹），未读取。",
        "en": "{file}: it unpacks to {ratio} times its size; the limit is {limit} times. Nothing was read.",
    },
    "lim_bad_zip": {
        "zh": "{file}：不是可读的压缩文件（.xlsx 也是压缩文件），未读取。",
        "en": "{file}: not a readable zip archive (an .xlsx is one). Nothing was read.",
    },
    "lim_rows": {
        "zh": "{file}{sheet}：超过 {limit} 行，请拆分后分别导入。未导入任何内容。",
        "en": "{file}{sheet}: more than {limit} rows; split it and import the parts. Nothing was imported.",
    },
    "lim_columns": {
        "zh": "{file}{sheet}：超过 {limit} 列。未导入任何内容。",
        "en": "{file}{sheet}: more than {limit} columns. Nothing was imported.",
    },
    "lim_cell": {
        "zh": "{file}{sheet}：第 {row} 行 {column} 列的文字有 {n} 个字符，上限为 {limit}：{value}",
        "en": "{file}{sheet}: row {row}, column {column} holds {n} characters; the limit is {limit}: {value}",
    },
}
