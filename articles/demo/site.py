"""The demo site's structure: sections and both menus of LAYOUT.md, bylines, demo sign-ins."""

# slug, name, parent slug, header position (None: not in it), mobile position, description
SECTIONS = [
    ("india", "India", None, 1, None, "News from across the country."),
    ("india-news", "India News", "india", None, 1, "National news: policy, courts, people."),
    ("state", "State", "india", None, 2, "Stories from the states and union territories."),
    ("world", "World", None, 2, 3, "International news and India's place in it."),
    ("business", "Business", None, 3, 5, "Markets, companies, jobs and the economy."),
    ("entertainment", "Entertainment", None, 4, 4, "Films, music, streaming and the arts."),
    (
        "sports",
        "Sports",
        None,
        5,
        7,
        "Cricket, football, hockey and everything else that is played.",
    ),
    ("trending", "Trending", None, None, 6, "What people are talking about today."),
    ("career", "Career", None, None, 8, "Jobs, exams, education and skills."),
    ("lifestyle", "Lifestyle", None, None, 9, "Food, health, travel and living well."),
    ("languages", "Languages", None, None, 10, "India's languages, literature and translation."),
]

# slug, name, desk byline, bio
AUTHORS = [
    (
        "nm-desk",
        "NM Desk",
        True,
        "Reports from the NM Media newsroom, written and checked by the duty desk.",
    ),
    (
        "ananya-rao",
        "Ananya Rao",
        False,
        "Ananya covers national politics, courts and public policy from New Delhi.",
    ),
    (
        "vikram-mehta",
        "Vikram Mehta",
        False,
        "Vikram writes about markets, start-ups and the economy from Mumbai.",
    ),
    (
        "farah-qureshi",
        "Farah Qureshi",
        False,
        "Farah reports on world affairs, climate and science.",
    ),
    (
        "rohan-dsouza",
        "Rohan D'Souza",
        False,
        "Rohan covers sport, films and the culture pages from Bengaluru.",
    ),
]

DEMO_PASSWORD = "newsroom-demo"

# email, name, role (a group name, or None for a reader), superuser, author slug
ACCOUNTS = [
    ("admin@example.com", "Site Administrator", "Administrator", True, None),
    ("editor@example.com", "Vikram Mehta", "Editor", False, "vikram-mehta"),
    ("writer@example.com", "Ananya Rao", "Writer", False, "ananya-rao"),
    ("reader@example.com", "Meera Iyer", None, False, None),
]
