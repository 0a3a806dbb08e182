"""Command line: serve, migrate, seed, ingest, keys, openapi."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from uuid import UUID

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from service import migrate
from service.config import Settings, load_settings
from service.db import create_engine
from service.errors import NotFound
from service.ingest.service import ingest_version
from service.keys import service as keys_service
from service.keys.models import Scope
from service.stories import repository as story_repository
from service.stories.schemas import StoryCreate
from service.stories.service import create_story
from service.versions.schemas import VersionCreate
from service.workers import WorkerPool

ROOT = migrate.ROOT
OPENAPI_PATH = ROOT / "openapi" / "openapi.json"
# On SIGTERM, requests in flight get this long to finish before they are cancelled and the workers killed.
GRACEFUL_SHUTDOWN_SECONDS = 5


class SeedStory(msgspec.Struct, forbid_unknown_fields=True):
    """seeds/<slug>.json: a story and its versions, each version's text in a file beside it."""

    title: str
    slug: str
    versions: list[SeedVersion]


class SeedVersion(msgspec.Struct, forbid_unknown_fields=True):
    source: str
    url: str
    file: str
    title: str | None = None
    observed_at: str | None = None
    published_at: str | None = None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP service (migrates an embedded SQLite database first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    commands.add_parser("migrate", help="upgrade the database to the latest schema")
    commands.add_parser("seed", help="load the stories in seeds/ (idempotent)")
    ingest = commands.add_parser("ingest", help="ingest text, HTML or JSON files as versions of one story")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--story", required=True, help="story id or slug (a new slug creates the story)")
    ingest.add_argument("--source", help="outlet slug (required unless every JSON file names one)")
    ingest.add_argument("--url", help="article URL shared by the files (default: each file's own path)")
    keys = commands.add_parser("keys", help="create, list and revoke API keys").add_subparsers(
        dest="keys_command", required=True
    )
    create = keys.add_parser("create", help="create a key and print it (alone on the last line; shown once)")
    create.add_argument("--scope", required=True, choices=[s.value for s in Scope])
    create.add_argument("--name", required=True, help="who or what uses it (shown in listings and logs)")
    keys.add_parser("list", help="every key: id, name, scope, prefix, created, revoked")
    revoke = keys.add_parser("revoke", help="revoke a key at once, in every API process")
    revoke.add_argument("id", type=UUID)
    openapi = commands.add_parser("openapi", help="write openapi/openapi.json from the app")
    openapi.add_argument("--check", action="store_true", help="exit 1 when the committed document differs")
    args = parser.parse_args(argv)

    settings = load_settings()
    if args.command == "serve":
        return _serve(settings, args.host, args.port, args.workers)
    if args.command == "migrate":
        migrate.upgrade(settings)
        return 0
    if args.command == "seed":
        if settings.is_sqlite:
            migrate.upgrade(settings)
        return asyncio.run(_seed(settings, ROOT / "seeds"))
    if args.command == "ingest":
        return asyncio.run(_ingest(settings, args.paths, args.story, args.source, args.url))
    if args.command == "keys":
        if settings.is_sqlite:
            migrate.upgrade(settings)
        return asyncio.run(_keys(settings, args))
    return _openapi(check=args.check)


def _serve(settings: Settings, host: str, port: int, workers: int) -> int:
    import uvicorn

    # The embedded database is the service's own; a shared PostgreSQL is migrated by a deploy step.
    if settings.is_sqlite:
        migrate.upgrade(settings)
    uvicorn.run(
        "service.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.lower(),
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    return 0


async def _seed(settings: Settings, folder: Path) -> int:
    engine = create_engine(settings)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    try:
        with _workers(settings) as workers:
            for manifest in sorted(folder.glob("*.json")):
                seed = msgspec.json.decode(manifest.read_bytes(), type=SeedStory)
                async with sessions.begin() as session:
                    if seeded := await story_repository.get_story_by_slug(session, seed.slug):
                        print(f"{seed.slug}: already seeded as story {seeded.id}")
                        continue
                    story = await create_story(session, StoryCreate(title=seed.title, slug=seed.slug))
                print(f"{seed.slug}: story {story.id}")
                for entry in seed.versions:
                    body = {k: v for k, v in msgspec.structs.asdict(entry).items() if k != "file" and v is not None}
                    body["text"] = (manifest.parent / entry.file).read_text(encoding="utf-8")
                    await _ingest_one(sessions, workers, story.id, body, f"{seed.slug} {entry.file}", settings)
    finally:
        await engine.dispose()
    return 0


async def _keys(settings: Settings, args: argparse.Namespace) -> int:
    engine = create_engine(settings)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False).begin() as session:
            if args.keys_command == "create":
                made = await keys_service.create_key(session, args.name, Scope(args.scope))
                print(f"created {made.record.scope.value} key {made.record.id} ({made.record.name}); it is shown once:")
                print(made.key)
            elif args.keys_command == "list":
                for key in await keys_service.list_keys(session):
                    revoked = f"revoked {key.revoked_at.isoformat()}" if key.revoked_at else "live"
                    print(
                        f"{key.id}  {key.scope.value:<5}  {key.prefix}…  {key.created_at.isoformat()}  {revoked}  {key.name}"
                    )
            else:
                key = await keys_service.revoke_key(session, args.id)
                print(f"revoked {key.id} ({key.name})")
    except NotFound as exc:
        print(exc.detail, file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    return 0


async def _ingest(settings: Settings, paths: list[Path], story_key: str, source: str | None, url: str | None) -> int:
    engine = create_engine(settings)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    try:
        async with sessions.begin() as session:
            story = await story_repository.get_story_by_key(session, story_key)
            if story is None:
                story = await create_story(
                    session, msgspec.convert({"title": story_key, "slug": story_key}, StoryCreate)
                )
        with _workers(settings) as workers:
            for path in paths:
                await _ingest_one(sessions, workers, story.id, _version_body(path, source, url), str(path), settings)
    finally:
        await engine.dispose()
    return 0


def _workers(settings: Settings) -> closing[WorkerPool]:
    """The files are ingested one after another: one worker process, under the API's deadlines, started
    by the first file that needs parsing.
    """
    return closing(WorkerPool.from_settings(settings, size=1))


async def _ingest_one(
    sessions: async_sessionmaker[AsyncSession],
    workers: WorkerPool,
    story_id: UUID,
    body: dict[str, object],
    label: str,
    settings: Settings,
) -> None:
    """One version in its own transaction, validated exactly as the API validates a request body."""
    async with sessions.begin() as session:
        version, created, claims, _ = await ingest_version(
            session, story_id, msgspec.convert(body, VersionCreate), model=settings.spacy_model, workers=workers
        )
    state = f"stored, {len(claims)} claims" if created else "unchanged"
    print(f"{label}: {version.article.source.slug} v{version.number} {state} ({version.id})")


def _version_body(path: Path, source: str | None, url: str | None) -> dict[str, object]:
    content = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        body: dict[str, object] = json.loads(content)
    elif path.suffix.lower() in (".html", ".htm"):
        body = {"html": content}
    else:
        body = {"text": content}
    body.setdefault("url", url or path.resolve().as_uri())
    if source:
        body.setdefault("source", source)
    if "source" not in body:
        raise SystemExit(f"{path}: give --source (the file names no source)")
    return body


def _openapi(*, check: bool) -> int:
    from service.app import create_app

    schema = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:")).openapi_schema.to_schema()
    document = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if check:
        if not OPENAPI_PATH.exists() or OPENAPI_PATH.read_text(encoding="utf-8") != document:
            print(f"{OPENAPI_PATH} is out of date: run `python -m service openapi`", file=sys.stderr)
            return 1
        return 0
    OPENAPI_PATH.parent.mkdir(exist_ok=True)
    OPENAPI_PATH.write_text(document, encoding="utf-8")
    return 0
