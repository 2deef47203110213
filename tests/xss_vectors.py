"""A corpus of well-known cross-site scripting vectors, each one detectable if it ever runs.

Every payload, were it to execute, sets `window.__xss` to its vector's number (in whichever
frame it ran), or opens a dialog: tests/browser/test_xss_browser.py asserts neither happened
anywhere, and tests/test_xss_escaping.py checks the HTML, feeds, JSON-LD, meta tags and emails
structurally. The payloads come from the usual cheat sheets (OWASP's filter-evasion sheet,
PortSwigger's XSS cheat sheet, the DOMPurify and html5sec.org mutation-XSS cases) and are
short enough (<= 70 characters) to fit every field a writer controls, the SEO title included.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

MAX_LENGTH = 70  # the SEO title's limit, the shortest field a vector goes into whole


@dataclass(frozen=True)
class Vector:
    id: int
    name: str
    payload: str

    @property
    def js(self) -> str:
        return run(self.id)

    @property
    def markup(self) -> bool:
        """Whether the payload is live HTML (the others are text aimed at other contexts)."""
        return self.name not in TEXT_ONLY

    def __str__(self) -> str:
        return f"v{self.id:02d}-{self.name}"


def run(n: int) -> str:
    """The script a vector carries: it records which vector ran (no quotes, to fit anywhere)."""
    return f"window.__xss={n}"


def _entities(text: str) -> str:
    """`text` as HTML hexadecimal character references, one per character."""
    return "".join(f"&#x{ord(c):x};" for c in text)


# Harmless as HTML: their danger is elsewhere (inside a JS string, a template engine, a
# second decoding, a filter that strips one tag); only escaping and the browser check them.
TEXT_ONLY = {
    "js-string-single",
    "js-string-double",
    "template-ish",
    "nested-script-evasion",
    "percent-encoded",
    "entity-escaped-text",
    "numeric-entities",
    "fullwidth-brackets",
    "nbsp-handler",
}

# (name, payload template): `{js}` becomes the vector's script, `{n}` its number.
_TEMPLATES: list[tuple[str, str]] = [
    # Plain script and the classic event handlers.
    ("script", "<script>{js}</script>"),
    ("img-onerror", "<img src=x onerror={js}>"),
    ("svg-onload", "<svg onload={js}>"),
    ("svg-script", "<svg><script>{js}</script></svg>"),
    ("body-onload", "<body onload={js}>"),
    ("details-ontoggle", "<details open ontoggle={js}>"),
    ("input-autofocus", "<input autofocus onfocus={js}>"),
    ("video-source-onerror", "<video><source onerror={js}></video>"),
    ("svg-animate-onbegin", "<svg><animate onbegin={js} attributeName=x dur=1s>"),
    ("marquee-onstart", "<marquee onstart={js}>x</marquee>"),
    ("a-onclick", '<a href="https://example.com/" onclick={js}>x</a>'),
    ("alert-dialog", "<img src=x onerror=alert({n})>"),
    # Event handlers in every case, and the separators parsers accept.
    ("handler-upper-case", "<IMG SRC=x ONERROR={js}>"),
    ("handler-mixed-case", "<iMg sRc=x OnErRoR={js}>"),
    ("slash-separators", '<img/src="x"/onerror={js}>'),
    ("entity-encoded-handler", "<img src=x onerror=&#119;indow.__xss={n}>"),
    # Attribute and element breakouts: the payload lands inside something of ours.
    ("double-quote-breakout", '"><script>{js}</script>'),
    ("single-quote-breakout", "'><img src=x onerror={js}>"),
    ("script-breakout", "</script><script>{js}</script>"),
    ("title-breakout", "</title><script>{js}</script>"),
    ("textarea-breakout", "</textarea><script>{js}</script>"),
    ("json-ld-comment-breakout", "--></script><script>{js}</script>"),
    ("comment-breakout", '<!--<img src="--><img src=x onerror={js}>">'),
    ("js-string-single", "'-{js}-'"),
    ("js-string-double", '";{js};//'),
    ("template-ish", "{{{{7*7}}}}{{% debug %}}${{{js}}}#{{{js}}}"),
    # Dangerous URLs in links, frames, forms and objects.
    ("javascript-href", '<a href="javascript:{js}">x</a>'),
    ("javascript-href-case", '<a href="JaVaScRiPt:{js}">x</a>'),
    ("javascript-href-tab", '<a href="jav&#x09;ascript:{js}">x</a>'),
    ("javascript-href-newline", '<a href="java\nscript:{js}">x</a>'),
    ("javascript-href-entity", '<a href="&#106;avascript:{js}">x</a>'),
    ("javascript-href-colon", '<a href="javascript&colon;{js}">x</a>'),
    ("javascript-href-leading-space", '<a href=" &#14; javascript:{js}">x</a>'),
    ("data-html-href", '<a href="data:text/html,<script>{js}</script>">x</a>'),
    ("iframe-javascript", '<iframe src="javascript:{js}"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;parent.__xss={n}&lt;/script&gt;">'),
    ("form-action", '<form action="javascript:{js}"><input type=submit>'),
    ("button-formaction", '<button formaction="javascript:{js}">x</button>'),
    ("object-data", '<object data="javascript:{js}"></object>'),
    ("embed-src", '<embed src="javascript:{js}">'),
    ("base-href", '<base href="javascript:{js}//">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:{js}">'),
    ("svg-xlink-href", '<svg><a xlink:href="javascript:{js}">x</a></svg>'),
    # Styles that once ran script.
    ("style-url-javascript", '<p style="background:url(javascript:{js})">x</p>'),
    ("style-expression", '<p style="width:expression({js})">x</p>'),
    ("style-import", "<style>@import 'javascript:{js}';</style>"),
    # Namespace confusion and mutation XSS.
    ("math-mglyph-style", "<math><mtext><table><mglyph><style><img src=x onerror={js}>"),
    ("svg-style-img", "<svg><style><img src=x onerror={js}></style></svg>"),
    ("noscript-title", '<noscript><p title="</noscript><img src=x onerror={js}>">'),
    ("template-img", "<template><img src=x onerror={js}></template>"),
    ("nested-script-evasion", "<scr<script>ipt>{js}</scr</script>ipt>"),
    # Encoded and Unicode variants.
    ("percent-encoded", "{pct}"),
    ("entity-escaped-text", "&lt;script&gt;{js}&lt;/script&gt;"),
    ("numeric-entities", "{entities}"),
    ("fullwidth-brackets", "\uff1cscript\uff1e{js}\uff1c/script\uff1e"),
    ("line-separators", "</script>\u2028<script>{js}\u2029</script>"),
    ("nbsp-handler", "<img src=x\u00a0onerror={js}>"),
]


def _payload(n: int, template: str) -> str:
    js = run(n)
    return template.format(
        js=js,
        n=n,
        pct=quote(f"<script>{js}</script>", safe=""),
        entities=f"{_entities('<svg')} onload={js}{_entities('>')}",
    )


VECTORS: list[Vector] = [
    Vector(n, name, _payload(n, template)) for n, (name, template) in enumerate(_TEMPLATES, 1)
]
BY_ID = {vector.id: vector for vector in VECTORS}
BY_NAME = {vector.name: vector for vector in VECTORS}

assert len({v.name for v in VECTORS}) == len(VECTORS), "vector names must be unique"
assert all(len(v.payload) <= MAX_LENGTH for v in VECTORS), [
    (str(v), len(v.payload)) for v in VECTORS if len(v.payload) > MAX_LENGTH
]
