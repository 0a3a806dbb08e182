from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, HeaderParameter, JSONBody, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims.service import to_read as claim_read
from service.config import Settings
from service.errors import ServiceError, problem_responses
from service.fields import NO_CONTROL_CHARACTERS
from service.http import CREATED_AT, IMMUTABLE
from service.ingest import service as ingest_service
from service.ingest.metrics import CLAIMS_PER_VERSION, INGEST_FAILURES, INGESTS
from service.ingest.schemas import IngestResult
from service.keys.auth import READ_SECURITY
from service.pagination import Cursor, Limit
from service.versions import service
from service.versions.schemas import VersionCreate, VersionPage, VersionRead
from service.workers import WorkerPool


class VersionController(Controller):
    tags = ["versions"]

    @post(
        "/v1/stories/{story_id:uuid}/versions",
        operation_id="ingestVersion",
        summary="Ingest a version of an article",
        status_code=201,
        response_headers=[CREATED_AT],
        responses={
            200: ResponseSpec(
                IngestResult,
                description="A repeated delivery (the content of the version it would follow, the same content and observed_at, or a known Idempotency-Key): nothing stored, that version returned.",
                generate_examples=False,
            ),
            **problem_responses(400, 404, 413, 415, 422, 503),
        },
    )
    async def ingest_version(
        self,
        db_session: NamedDependency[AsyncSession],
        story_id: FromPath[UUID],
        data: JSONBody[VersionCreate],
        settings: NamedDependency[Settings],
        workers: NamedDependency[WorkerPool],
        idempotency_key: Annotated[
            str | None,
            HeaderParameter(
                name="Idempotency-Key",
                min_length=1,
                max_length=255,
                pattern=NO_CONTROL_CHARACTERS,
                description="A key of the client's choosing: a retry with the same key stores nothing and returns the version the first request created",
            ),
        ] = None,
    ) -> Response[IngestResult]:
        """Parse and store one version of an outlet's article; its source and article are created on first use."""
        try:
            ingested = await ingest_service.ingest_version(
                db_session, story_id, data, model=settings.spacy_model, idempotency_key=idempotency_key, workers=workers
            )
        except ServiceError as exc:
            INGEST_FAILURES.labels(status=str(exc.status), reason=type(exc).__name__).inc()
            raise
        INGESTS.labels(outcome="stored" if ingested.created else "repeat").inc()
        if ingested.created:
            CLAIMS_PER_VERSION.observe(len(ingested.claims))
        result = IngestResult(
            version=service.to_read(ingested.version),
            created=ingested.created,
            claims=[claim_read(c) for c in ingested.claims],
            changes=ingested.changes,
        )
        if not ingested.created:
            return Response(result, status_code=200)
        return Response(result, status_code=201, headers={"Location": f"/v1/versions/{result.version.id}"})

    @get(
        "/v1/stories/{story_id:uuid}/versions",
        operation_id="listStoryVersions",
        summary="List a story's versions",
        responses=problem_responses(400, 404),
        security=READ_SECURITY,
    )
    async def list_versions(
        self,
        db_session: NamedDependency[AsyncSession],
        story_id: FromPath[UUID],
        source: Annotated[
            str | None,
            QueryParameter(description="Only this outlet's versions (source slug)", pattern=NO_CONTROL_CHARACTERS),
        ] = None,
        article: Annotated[UUID | None, QueryParameter(description="Only this article's versions (article id)")] = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> VersionPage:
        """In the order the service observed them."""
        return await service.list_versions(
            db_session, story_id, source=source, article_id=article, cursor=cursor, limit=limit
        )

    @get(
        "/v1/versions/{version_id:uuid}",
        operation_id="getVersion",
        summary="Read a version",
        responses=problem_responses(400, 404),
        cache_control=IMMUTABLE,
        security=READ_SECURITY,
    )
    async def get_version(self, db_session: NamedDependency[AsyncSession], version_id: FromPath[UUID]) -> VersionRead:
        """One version, with its full text."""
        return service.to_read(await service.get_version(db_session, version_id))
