"""Thai and Solar Hijri dates, as the enrich stage reads them."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unwall.pipeline.calendars import (
    FIRST_SOLAR_HIJRI_YEAR,
    LAST_SOLAR_HIJRI_YEAR,
    local_calendar_date,
    solar_hijri_to_gregorian,
)
from unwall.pipeline.enrich import normalize_date


@pytest.mark.parametrize(
    ("year", "nowruz"),
    [
        # Nowruz, the first of Farvardin, in those years (the astronomical calendar's dates).
        (1370, date(1991, 3, 21)),
        (1375, date(1996, 3, 20)),
        (1383, date(2004, 3, 20)),
        (1396, date(2017, 3, 21)),
        (1399, date(2020, 3, 20)),
        (1403, date(2024, 3, 20)),
        (1404, date(2025, 3, 21)),
    ],
)
def test_the_solar_hijri_year_begins_at_nowruz(year: int, nowruz: date) -> None:
    assert solar_hijri_to_gregorian(year, 1, 1) == nowruz


def test_esfand_has_thirty_days_in_a_leap_year_only() -> None:
    assert solar_hijri_to_gregorian(1403, 12, 30) == date(2025, 3, 20)
    assert solar_hijri_to_gregorian(1402, 12, 30) is None
    assert solar_hijri_to_gregorian(1402, 7, 31) is None  # months 7 to 11 have 30 days


@given(st.integers(FIRST_SOLAR_HIJRI_YEAR, LAST_SOLAR_HIJRI_YEAR - 1))
def test_solar_hijri_days_follow_each_other_without_a_gap(year: int) -> None:
    days = [
        solar_hijri_to_gregorian(year, month, day)
        for month in range(1, 13)
        for day in range(1, 32)
        if solar_hijri_to_gregorian(year, month, day) is not None
    ]
    assert days[-1] + timedelta(days=1) == solar_hijri_to_gregorian(year + 1, 1, 1)
    assert all(later - earlier == timedelta(days=1) for earlier, later in itertools.pairwise(days))
    assert len(days) in {365, 366}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Thai: the Buddhist era, 543 years ahead; Thai digits; a two-digit year.
        ("6 พฤษภาคม 2567", "2024-05-06"),
        ("วันจันทร์ที่ 6 พ.ค. พ.ศ. 2567 เวลา 10:22 น.", "2024-05-06"),
        ("6 พ.ค. 67", "2024-05-06"),
        ("๖ พ.ค. ๒๕๖๗", "2024-05-06"),
        ("06/05/2567", "2024-05-06"),
        ("10 มกราคม 2024", "2024-01-10"),  # a Gregorian year stays
        # Persian: Solar Hijri, in words or numbers, Persian digits or not.
        ("۱۴ اردیبهشت ۱۴۰۳", "2024-05-03"),
        ("سه‌شنبه ۱۵ دی ۱۴۰۲ ساعت ۱۰:۲۲", "2024-01-05"),
        ("تاریخ انتشار: ۱۴۰۳/۰۲/۱۴ - ۱۰:۲۲", "2024-05-03"),
        ("1403-02-14", "2024-05-03"),
        # Days those calendars lack.
        ("30 اسفند 1402", None),
        ("31 มิถุนายน 2567", None),
    ],
)
def test_dates_in_the_thai_and_solar_hijri_calendars(text: str, expected: str | None) -> None:
    assert normalize_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The month's word without a day before it and a year after it is a word.
        "مهر و محبت در ۱۴ سال",
        "تیر 12 را زد",
        # Gregorian numbers are not read as another calendar's.
        "2024-05-06",
        "06/05/2024",
    ],
)
def test_gregorian_and_plain_text_is_no_local_calendar_date(text: str) -> None:
    assert local_calendar_date(text) is None
