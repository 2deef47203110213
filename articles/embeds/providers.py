"""The providers whose posts, videos, players and maps a story may embed.

Each provider says which of its addresses it recognises (documented URL forms only: no
oEmbed, no request to anyone), the strict pattern its id must match, where its player is
loaded from (the privacy-friendly host where it has one), the link to the original, the
exact origins the page's `frame-src` must allow, the features its player needs, and the
words readers see ("YouTube", "Load video from YouTube").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, urlsplit, urlunsplit

# The iframe's sandbox: scripts and its own origin (a player needs both; it is another
# origin than ours, so together they give it nothing of ours), links that open outside it.
SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
VIDEO_SANDBOX = f"{SANDBOX} allow-presentation"
# What a video player asks of the page (the iframe's `allow`; the page's Permissions-Policy
# grants exactly these to the player's origin: articles/embeds/policy.py).
PLAYER_FEATURES = ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")
URL_LIMIT = 2000


@dataclass(frozen=True)
class Provider:
    """One provider: how its addresses become an id, and how an id becomes a player."""

    key: str  # stored in data-embed
    label: str  # its name, as readers see it
    noun: str  # what is embedded: "video", "post", "audio", "map"
    hosts: frozenset[str]  # the host names its addresses use
    parse: Callable[[str, str, dict[str, list[str]]], str | None]  # host, path, query → id
    id_pattern: re.Pattern
    frame: Callable[[str], str]  # id → the iframe's address
    original: Callable[[str], str]  # id → the original on the provider's site
    frame_origins: tuple[str, ...]
    features: tuple[str, ...] = ()
    sandbox: str = SANDBOX
    shape: Callable[[str], str] | str = "video"  # the box's proportions (CSS: embed--…)

    def valid(self, embed_id: object) -> bool:
        """Whether `embed_id` is one of this provider's ids (ASCII, the whole string)."""
        return (
            isinstance(embed_id, str)
            and embed_id.isascii()
            and self.id_pattern.fullmatch(embed_id) is not None
        )

    def shape_of(self, embed_id: str) -> str:
        return self.shape(embed_id) if callable(self.shape) else self.shape


@dataclass(frozen=True)
class Embed:
    """A checked embed, with everything a page needs to show it."""

    provider: str
    id: str
    label: str
    noun: str
    frame_url: str
    original_url: str
    frame_origins: tuple[str, ...]
    features: tuple[str, ...] = ()
    sandbox: str = SANDBOX
    shape: str = "video"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def verb(self) -> str:
        """The button: "Load video from YouTube"."""
        return f"Load {self.noun} from {self.label}"

    @property
    def link_text(self) -> str:
        """The link to the original: "Video on YouTube"."""
        return f"{self.noun.capitalize()} on {self.label}"


def _first(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


def _path_id(*patterns: str) -> Callable[[str], str | None]:
    compiled = [re.compile(pattern) for pattern in patterns]

    def find(path: str) -> str | None:
        for pattern in compiled:
            if match := pattern.fullmatch(path):
                return match.group("id")
        return None

    return find


# YouTube --------------------------------------------------------------------------------

_YOUTUBE_ID = r"(?P<id>[A-Za-z0-9_-]{11})"
_youtube_path = _path_id(
    rf"/(?:embed|shorts|live|v)/{_YOUTUBE_ID}/?",
)


def _youtube(host: str, path: str, query) -> str | None:
    if host == "youtu.be":
        return _path_id(rf"/{_YOUTUBE_ID}/?")(path)
    if path in ("/watch", "/watch/"):
        return _first(query, "v")
    return _youtube_path(path)


# Vimeo ----------------------------------------------------------------------------------

_vimeo_path = _path_id(
    r"/(?P<id>[0-9]{1,12}(?:/[0-9a-f]{6,20})?)/?",
    r"/channels/[A-Za-z0-9_-]{1,80}/(?P<id>[0-9]{1,12})/?",
    r"/groups/[A-Za-z0-9_-]{1,80}/videos/(?P<id>[0-9]{1,12})/?",
)


def _vimeo(host: str, path: str, query) -> str | None:
    if host == "player.vimeo.com":
        number = _path_id(r"/video/(?P<id>[0-9]{1,12})/?")(path)
        secret = _first(query, "h")
        return f"{number}:{secret}" if number and secret else number
    found = _vimeo_path(path)
    return found.replace("/", ":") if found else None


def _vimeo_parts(embed_id: str) -> tuple[str, str | None]:
    number, _, secret = embed_id.partition(":")
    return number, secret or None


def _vimeo_frame(embed_id: str) -> str:
    number, secret = _vimeo_parts(embed_id)
    hash_part = f"h={secret}&" if secret else ""
    return f"https://player.vimeo.com/video/{number}?{hash_part}dnt=1&autoplay=1"


def _vimeo_original(embed_id: str) -> str:
    number, secret = _vimeo_parts(embed_id)
    return f"https://vimeo.com/{number}/{secret}" if secret else f"https://vimeo.com/{number}"


# X (Twitter) ----------------------------------------------------------------------------

_x = _path_id(
    r"/[A-Za-z0-9_]{1,15}/status(?:es)?/(?P<id>[0-9]{1,20})(?:/[a-z]+(?:/[0-9]{1,2})?)?/?",
    r"/i/(?:web/)?status/(?P<id>[0-9]{1,20})/?",
)


# Instagram ------------------------------------------------------------------------------

_instagram = _path_id(
    r"(?:/[A-Za-z0-9._]{1,30})?/(?:p|reel|reels|tv)/(?P<id>[A-Za-z0-9_-]{5,40})(?:/embed)?/?",
)


# Facebook -------------------------------------------------------------------------------

_FACEBOOK_PAGE = r"[A-Za-z0-9][A-Za-z0-9.]{0,79}"
_FACEBOOK_POST = r"(?:[0-9]{1,25}|pfbid0?[A-Za-z0-9]{20,80})"
_facebook_post_path = _path_id(rf"/(?P<id>{_FACEBOOK_PAGE}/posts/{_FACEBOOK_POST})/?")
_facebook_video_path = _path_id(
    rf"/{_FACEBOOK_PAGE}/videos/(?:[A-Za-z0-9_-]{{1,120}}/)?(?P<id>[0-9]{{1,25}})/?",
    r"/reel/(?P<id>[0-9]{1,25})/?",
)


def _facebook_post(host: str, path: str, query) -> str | None:
    if path in ("/permalink.php", "/story.php"):
        story, page = _first(query, "story_fbid"), _first(query, "id")
        return f"{page}/posts/{story}" if story and page else None
    return _facebook_post_path(path)


def _facebook_video(host: str, path: str, query) -> str | None:
    if path in ("/watch", "/watch/", "/video.php"):
        return _first(query, "v")
    return _facebook_video_path(path)


def _facebook_plugin(kind: str, original: Callable[[str], str], options: str):
    def frame(embed_id: str) -> str:
        href = quote(original(embed_id), safe="")
        return f"https://www.facebook.com/plugins/{kind}.php?href={href}&{options}"

    return frame


def _facebook_post_original(embed_id: str) -> str:
    return f"https://www.facebook.com/{embed_id}"


def _facebook_video_original(embed_id: str) -> str:
    return f"https://www.facebook.com/watch/?v={embed_id}"


# Spotify --------------------------------------------------------------------------------

_SPOTIFY_KINDS = "track|album|playlist|episode|show|artist"
_spotify_path = re.compile(
    rf"(?:/intl-[a-z]{{2}}(?:-[A-Za-z]{{2}})?)?(?:/embed)?/(?P<kind>{_SPOTIFY_KINDS})"
    r"/(?P<id>[A-Za-z0-9]{22})/?"
)


def _spotify(host: str, path: str, query) -> str | None:
    match = _spotify_path.fullmatch(path)
    return f"{match['kind']}:{match['id']}" if match else None


def _spotify_shape(embed_id: str) -> str:
    return "audio" if embed_id.startswith(("track:", "episode:")) else "playlist"


# SoundCloud -----------------------------------------------------------------------------

# Pages of a SoundCloud profile that are not a track or a set.
_SOUNDCLOUD_PAGES = {"tracks", "albums", "sets", "likes", "followers", "following", "reposts"}
_soundcloud_path = _path_id(
    r"/(?P<id>[a-z0-9_-]{1,64}/(?:sets/)?[a-z0-9_-]{1,128})/?",
)


def _soundcloud(host: str, path: str, query) -> str | None:
    found = _soundcloud_path(path.lower())
    if found and found.split("/")[-1] not in _SOUNDCLOUD_PAGES:
        return found
    return None


def _soundcloud_frame(embed_id: str) -> str:
    track = quote(f"https://soundcloud.com/{embed_id}", safe="")
    return (
        f"https://w.soundcloud.com/player/?url={track}"
        "&auto_play=true&visual=false&show_teaser=false"
    )


# Google Maps ----------------------------------------------------------------------------

# A map made with Maps' "Embed a map" (its `pb` parameter, as Google writes it), or a place
# or view by its coordinates and zoom (the `@lat,lng,zoomz` of a Maps address).
_MAPS_PB = r"(?:![0-9]{1,3}[a-z][A-Za-z0-9._%:+-]{0,200}){1,150}"
_MAPS_AT = (
    r"-?[0-9]{1,2}(?:\.[0-9]{1,12})?,-?[0-9]{1,3}(?:\.[0-9]{1,12})?,[0-9]{1,2}(?:\.[0-9]{1,4})?z"
)
_maps_at = re.compile(rf"/maps(?:/place/[^/@]{{1,200}})?/@(?P<id>{_MAPS_AT})(?:[,/][^@]*)?")


def _maps(host: str, path: str, query) -> str | None:
    if path in ("/maps/embed", "/maps/embed/"):
        return _first(query, "pb")
    match = _maps_at.fullmatch(path)
    return match["id"] if match else None


def _maps_frame(embed_id: str) -> str:
    if embed_id.startswith("!"):
        return f"https://www.google.com/maps/embed?pb={embed_id}"
    latitude, longitude, zoom = embed_id.removesuffix("z").split(",")
    return (
        f"https://www.google.com/maps?q={latitude},{longitude}&z={round(float(zoom))}&output=embed"
    )


def _maps_original(embed_id: str) -> str:
    if embed_id.startswith("!"):
        return f"https://www.google.com/maps/embed?pb={embed_id}"
    return f"https://www.google.com/maps/@{embed_id}"


def _hosts(*names: str) -> frozenset[str]:
    return frozenset(names)


_GOOGLE = ("com", "co.in", "co.uk", "ca", "com.au", "de", "fr")

PROVIDERS: dict[str, Provider] = {
    provider.key: provider
    for provider in (
        Provider(
            key="youtube",
            label="YouTube",
            noun="video",
            hosts=_hosts(
                "youtube.com",
                "www.youtube.com",
                "m.youtube.com",
                "youtu.be",
                "youtube-nocookie.com",
                "www.youtube-nocookie.com",
            ),
            parse=_youtube,
            id_pattern=re.compile(r"[A-Za-z0-9_-]{11}"),
            frame=lambda i: f"https://www.youtube-nocookie.com/embed/{i}?autoplay=1",
            original=lambda i: f"https://www.youtube.com/watch?v={i}",
            frame_origins=("https://www.youtube-nocookie.com",),
            features=PLAYER_FEATURES,
            sandbox=VIDEO_SANDBOX,
        ),
        Provider(
            key="vimeo",
            label="Vimeo",
            noun="video",
            hosts=_hosts("vimeo.com", "www.vimeo.com", "player.vimeo.com"),
            parse=_vimeo,
            id_pattern=re.compile(r"[0-9]{1,12}(?::[0-9a-f]{6,20})?"),
            frame=_vimeo_frame,
            original=_vimeo_original,
            frame_origins=("https://player.vimeo.com",),
            features=PLAYER_FEATURES,
            sandbox=VIDEO_SANDBOX,
        ),
        Provider(
            key="x",
            label="X",
            noun="post",
            hosts=_hosts(
                "x.com",
                "www.x.com",
                "mobile.x.com",
                "twitter.com",
                "www.twitter.com",
                "mobile.twitter.com",
            ),
            parse=lambda host, path, query: _x(path),
            id_pattern=re.compile(r"[0-9]{1,20}"),
            frame=lambda i: f"https://platform.twitter.com/embed/Tweet.html?id={i}&dnt=true",
            original=lambda i: f"https://x.com/i/web/status/{i}",
            frame_origins=("https://platform.twitter.com",),
            shape="post",
        ),
        Provider(
            key="instagram",
            label="Instagram",
            noun="post",
            hosts=_hosts("instagram.com", "www.instagram.com"),
            parse=lambda host, path, query: _instagram(path),
            id_pattern=re.compile(r"[A-Za-z0-9_-]{5,40}"),
            frame=lambda i: f"https://www.instagram.com/p/{i}/embed/",
            original=lambda i: f"https://www.instagram.com/p/{i}/",
            frame_origins=("https://www.instagram.com",),
            shape="post",
        ),
        Provider(
            key="facebook",
            label="Facebook",
            noun="post",
            hosts=_hosts("facebook.com", "www.facebook.com", "m.facebook.com"),
            parse=_facebook_post,
            id_pattern=re.compile(rf"{_FACEBOOK_PAGE}/posts/{_FACEBOOK_POST}"),
            frame=_facebook_plugin("post", _facebook_post_original, "show_text=true&width=500"),
            original=_facebook_post_original,
            frame_origins=("https://www.facebook.com",),
            shape="post",
        ),
        Provider(
            key="facebook-video",
            label="Facebook",
            noun="video",
            hosts=_hosts("facebook.com", "www.facebook.com", "m.facebook.com"),
            parse=_facebook_video,
            id_pattern=re.compile(r"[0-9]{1,25}"),
            frame=_facebook_plugin("video", _facebook_video_original, "show_text=false"),
            original=_facebook_video_original,
            frame_origins=("https://www.facebook.com",),
            features=PLAYER_FEATURES,
            sandbox=VIDEO_SANDBOX,
        ),
        Provider(
            key="spotify",
            label="Spotify",
            noun="audio",
            hosts=_hosts("open.spotify.com"),
            parse=_spotify,
            id_pattern=re.compile(rf"(?:{_SPOTIFY_KINDS}):[A-Za-z0-9]{{22}}"),
            frame=lambda i: "https://open.spotify.com/embed/" + i.replace(":", "/"),
            original=lambda i: "https://open.spotify.com/" + i.replace(":", "/"),
            frame_origins=("https://open.spotify.com",),
            features=PLAYER_FEATURES,
            shape=_spotify_shape,
        ),
        Provider(
            key="soundcloud",
            label="SoundCloud",
            noun="audio",
            hosts=_hosts("soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"),
            parse=_soundcloud,
            id_pattern=re.compile(r"[a-z0-9_-]{1,64}/(?:sets/)?[a-z0-9_-]{1,128}"),
            frame=_soundcloud_frame,
            original=lambda i: f"https://soundcloud.com/{i}",
            frame_origins=("https://w.soundcloud.com",),
            features=("autoplay",),
            shape=lambda i: "playlist" if "/sets/" in i else "audio",
        ),
        Provider(
            key="google-maps",
            label="Google Maps",
            noun="map",
            hosts=_hosts(
                *(f"{prefix}google.{tld}" for prefix in ("", "www.", "maps.") for tld in _GOOGLE)
            ),
            parse=_maps,
            id_pattern=re.compile(rf"{_MAPS_PB}|{_MAPS_AT}"),
            frame=_maps_frame,
            original=_maps_original,
            frame_origins=("https://www.google.com",),
            features=("fullscreen",),
            shape="map",
        ),
    )
}

# A generic frame from a host on the administrators' allow-list (EmbedHost): its id is its
# whole https address, from this set of characters (no quotes, spaces, angle brackets).
GENERIC = "iframe"
_GENERIC_URL = re.compile(r"https://[a-z0-9.-]{1,253}(?:/[A-Za-z0-9._~!$&*+,;=:@%/?-]*)?")


def split_url(url: object) -> tuple[str, str, dict[str, list[str]]] | None:
    """(host, path, query) of an http(s) address with nothing odd in it, else None.

    Odd: not ASCII (look-alike letters), spaces or backslashes, a user name or password,
    a port, a host that is not a plain name.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > URL_LIMIT or not url.isascii():
        return None
    if any(character.isspace() or character in "\\\"'<>`" for character in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or port is not None:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    host = (parts.hostname or "").rstrip(".")
    if not re.fullmatch(r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+", host):
        return None
    return host, parts.path or "/", parse_qs(parts.query)


def provider_for_url(url: object) -> tuple[str, str] | None:
    """(provider key, id) for a provider's address, else None. No request is made."""
    split = split_url(url)
    if split is None:
        return None
    host, path, query = split
    for provider in PROVIDERS.values():
        if host not in provider.hosts:
            continue
        found = provider.parse(host, path, query)
        if found is not None and provider.valid(found):
            return provider.key, found
    return None


def generic_id(url: object, hosts: dict[str, str]) -> str | None:
    """The id of a frame at `url` (the address itself) if its host is on the allow-list."""
    split = split_url(url)
    if split is None or not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    host = split[0]
    if parts.scheme.lower() != "https" or host not in hosts:
        return None
    # The host in lower case, without a final dot: the form its origin is allowed in.
    url = urlunsplit(("https", host, parts.path, parts.query, parts.fragment))
    return url if _GENERIC_URL.fullmatch(url) else None
