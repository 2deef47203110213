"""An editor at work over HTTP, as a browser does it: sign in through /accounts/login/, open
a story's change form in the admin, send it back changed, press a workflow button.

Standard library only. Used by the soak's writers (bench/soak.py) and by the tests that kill a
server in the middle of a save (tests/test_save_faults.py).
"""

from __future__ import annotations

import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser

# What a browser sends for each kind of field; buttons and files are sent only when used.
NOT_SENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Response:
    status: int
    location: str
    body: str

    def errors(self) -> list[str]:
        """The admin's and allauth's error messages on the page, as plain text."""
        found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', self.body, re.S)
        found += re.findall(r'<p class="errornote">(.*?)</p>', self.body, re.S)
        return [_text(text) for text in found]

    def messages(self) -> list[tuple[str, str]]:
        """The admin's messages on the page ("success", "warning", "error"...), as text."""
        listed = re.search(r'<ul class="messagelist">(.*?)</ul>', self.body, re.S)
        found = (
            re.findall(r'<li class="([a-z]+)">(.*?)</li>', listed.group(1), re.S) if listed else []
        )
        return [(level, _text(text)) for level, text in found]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


class _Forms(HTMLParser):
    """Every form of a page: its attributes and the (name, value) pairs a browser would send."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value if value is not None else "") for name, value in attrs}
        if tag == "form":
            self._form = {"attrs": attrs, "fields": []}
            self.forms.append(self._form)
            return
        if self._form is None or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in NOT_SENT or (kind in {"checkbox", "radio"} and "checked" not in attrs):
                return
            default = "on" if kind == "checkbox" else ""
            self._form["fields"].append((name, attrs.get("value", default)))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            select, self._select = self._select, None
            chosen = [value for value, selected in select["options"] if selected]
            if not chosen and not select["multiple"] and select["options"]:
                chosen = [select["options"][0][0]]
            self._form["fields"] += [(select["name"], value) for value in chosen]
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            area, self._textarea = self._textarea, None
            # A browser drops the one newline that may follow <textarea>.
            self._form["fields"].append((area["name"], "".join(area["text"]).removeprefix("\n")))


def forms(page: str) -> list[dict]:
    parser = _Forms()
    parser.feed(page)
    return parser.forms


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    """One person's browser: its own cookies (session, CSRF token), redirects not followed."""

    def __init__(self, base_url: str, timeout: float = 30.0, headers: dict | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.headers = headers or {}
        self.cookies = http.cookiejar.CookieJar()
        self.last: Response | None = None  # the last page answered
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects()
        )

    def request(self, path: str, data: list[tuple[str, str]] | None = None) -> Response:
        url = path if path.startswith("http") else self.base_url + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={**self.headers})
        if body is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
            request.add_header("Referer", url)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                page = Response(response.status, "", response.read().decode(errors="replace"))
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            body = error.read().decode(errors="replace")
            page = Response(error.code, error.headers.get("Location", ""), body)
        self.last = page
        return page

    def _form(self, page: Response, match) -> list[tuple[str, str]]:
        for form in forms(page.body):
            if match(form["attrs"]):
                return list(form["fields"])
        raise RuntimeError(f"no such form on the page ({page.status}): {page.body[:300]!r}")

    def sign_in(self, email: str, password: str) -> None:
        """Sign in as a reader or staff does; RuntimeError if it did not work."""
        page = self.request("/accounts/login/")
        fields = self._form(page, lambda attrs: "login" in attrs.get("action", "login"))
        fields = [(k, v) for k, v in fields if k not in {"login", "password"}]
        done = self.request("/accounts/login/", [*fields, ("login", email), ("password", password)])
        if done.status != 302:
            raise RuntimeError(f"sign-in as {email} failed ({done.status}): {done.errors()}")

    def change_form(self, pk: int) -> list[tuple[str, str]]:
        """The story's change form as a browser would send it back unchanged."""
        page = self.request(f"/admin/articles/article/{pk}/change/")
        if page.status != 200:
            raise RuntimeError(f"the change form of story {pk} answered {page.status}")
        return self._form(page, lambda attrs: attrs.get("id") == "article_form")

    def save(self, pk: int, changes: dict[str, str], fields=None) -> Response:
        """Open the change form (unless `fields` are given), apply `changes`, save; a 302 saved."""
        fields = self.change_form(pk) if fields is None else fields
        sent = [(name, value) for name, value in fields if name not in changes]
        sent += [*changes.items(), ("_continue", "Save and continue editing")]
        return self.request(f"/admin/articles/article/{pk}/change/", sent)

    def workflow(self, pk: int, action: str, **extra: str) -> Response:
        """Press a workflow button (publish, unpublish...); a 302 back to the form is done."""
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        data = [("csrfmiddlewaretoken", token), *extra.items()]
        return self.request(f"/admin/articles/article/{pk}/workflow/{action}/", data)
