"""A story body with a wide table, a pull quote and a rule, for the reader-page tests."""

COLUMNS = [
    "District",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Week total",
    "June average",
]
ROWS = [
    ["Srikakulam", "12", "31", "44", "18", "7", "0", "22", "134", "118"],
    ["East Godavari", "21", "38", "62", "35", "14", "6", "28", "204", "151"],
    ["Krishna", "4", "15", "29", "41", "23", "9", "12", "133", "97"],
]
CAPTION = "Rainfall in the first week of the monsoon, in millimetres, by district and day"
WIDE_TABLE = (
    f"<table><caption>{CAPTION}</caption><thead><tr>"
    + "".join(f"<th>{name}</th>" for name in COLUMNS)
    + "</tr></thead><tbody>"
    + "".join("<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in ROWS)
    + "</tbody></table>"
)
PULL_QUOTE = (
    '<blockquote class="pull-quote"><p>We have lost boats to storms we were told were weak.'
    "</p></blockquote>"
)
RICH_BODY = (
    "<p>Rain gauges in six districts recorded more than their June average in the first week "
    "alone, the weather office said on Monday.</p>"
    f"{PULL_QUOTE}"
    "<p>Fishing boats were told to stay in harbour until Saturday.</p>"
    "<p>Farmers in the delta welcomed the early rain after two dry years.</p>"
    f"{WIDE_TABLE}"
    "<hr>"
    "<blockquote><p>The reservoirs are a third full, a month ahead of last year.</p></blockquote>"
    "<p>Only Krishna stayed below its average for the month so far.</p>"
)
