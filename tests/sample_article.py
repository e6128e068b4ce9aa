"""An article's paragraphs for synthetic test pages: four long paragraphs of
plain news prose with no consent, promo or related-box wording, so that any
removal among them is a bug of the rule under test."""

CITY_COUNCIL = [
    "The city council met on Tuesday evening to discuss the budget for the coming year, which sets aside "
    "new money for schools, libraries and the repair of several bridges.",
    "Several residents spoke during the public comment period, raising concerns about rising property "
    "taxes and about the cost of living in the older neighbourhoods by the river.",
    "The mayor said the plan balanced the needs of families with the long-term health of the city's "
    "finances, and promised two further hearings before the end of the month.",
    "A final vote is expected next month, once the finance committee has reviewed the proposal line by "
    "line with the city's auditors and published its recommendations.",
]
