"""A story's substantive changes as an Atom feed (RFC 4287), for feed readers and chat integrations."""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

from service.stories.models import Story
from service.timeline.schemas import TimelineItem

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(story: Story, items: list[TimelineItem], base_url: str) -> str:
    """Newest change first; each entry links to the diff of the version that made it."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:uuid:{story.id}")
    _text(feed, "title", f"{story.title}: what changed")
    _text(feed, "updated", _stamp(max((i.observed_at for i in items), default=story.created_at)))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base_url}/v1/stories/{story.id}/changes.atom")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Story claims service")
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"urn:uuid:{item.id}")
        _text(entry, "title", item.change.summary)
        _text(entry, "updated", _stamp(item.observed_at))
        if item.published_at is not None:
            _text(entry, "published", _stamp(item.published_at))
        entry_author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(entry_author, "name", item.source)
        before = item.change.before
        diff = (
            f"{base_url}/v1/stories/{story.id}/diff?from={before.version_id}&to={item.version_id}" if before else None
        )
        ET.SubElement(
            entry, f"{{{ATOM}}}link", rel="alternate", href=diff or f"{base_url}/v1/versions/{item.version_id}"
        )
        ET.SubElement(entry, f"{{{ATOM}}}category", term=item.change.kind.value, label=item.change.type.value)
        _text(entry, "content", _content(item), type="text")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)


def _content(item: TimelineItem) -> str:
    lines = [item.change.summary, ""]
    if item.change.before is not None:
        lines.append(f"Before: {item.change.before.text}")
    if item.change.after is not None:
        lines.append(f"After: {item.change.after.text}")
    lines.append(f"Source: {item.source}, version {item.version_number}, observed {_stamp(item.observed_at)}")
    return "\n".join(lines)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes).text = text


def _stamp(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")
