"""Four more classes of slips in the plan's own words, found from the text itself (no list of instances):

- ``firm_variant``: one firm written two ways (firm names taken from “A、B等…企业” lists, “以A为龙头/核心” and the
  plan's firm records; normalised: full width to half, place prefixes, （宿迁）-style brackets and 有限公司/集团/股份
  suffixes dropped, 新材料 read as 新材; two forms alike when equal, one a prefix of the other, or one character apart).
- ``term_typo``: a product term with a character or two-character word written twice in a row (“化纤纤维”), or with one
  character where the plan elsewhere writes a near-homophone in the same four-character context (“成型”/“成形”).
- ``park_in_products``: a park (…园, …园区, …基地, …小镇) inside a list of products (“重点发展A，B等特色产品”).
- ``sublist_gap``: an industry or product a paragraph names before its “其中” that no part of its sub-list mentions.

Two names the plan writes in one sentence (“依托双沟股份、双沟酿酒厂等”) are taken as two names on purpose, as is
a name that is another with a qualifier in front (“新型医疗器械” of “医疗器械”): neither is reported as a variant.

The names come from `text_harvest`; each class has its module: `text_firms`, `text_typos`, `text_lists` (parks among
products, sub-list gaps).
"""

from __future__ import annotations

from sq_layout.analysis.text_firms import firm_variants
from sq_layout.analysis.text_harvest import Finding
from sq_layout.analysis.text_lists import parks_in_products, sublist_gaps
from sq_layout.analysis.text_typos import term_typos
from sq_layout.plan.dataset import Dataset


def name_findings(ds: Dataset) -> list[Finding]:
    """All four classes, in order."""
    return [*firm_variants(ds), *term_typos(ds), *parks_in_products(ds), *sublist_gaps(ds)]
