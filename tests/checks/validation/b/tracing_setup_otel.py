# path: src/platform/observability/tracing.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: structlog=compliant hardcoded-secrets=compliant union-operator=compliant builtin-generics=compliant
# expect: no-any=compliant dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant self-type=violation
# expect: comprehensions=compliant
# expect: class-length=compliant
# expect: value-object-equality=compliant
"""Set up OpenTelemetry tracing with an OTLP exporter."""

from dataclasses import dataclass, field
from os import environ

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
from opentelemetry.trace import set_tracer_provider
from structlog import get_logger

__all__ = ["TracingConfig", "configure_tracing"]

log = get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class TracingConfig:
    """Where spans go and how many are kept."""

    service_name: str
    endpoint: str = "http://localhost:4318/v1/traces"
    sample_ratio: float = 1.0
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, service_name: str) -> "TracingConfig":
        """Read the standard `OTEL_*` variables.

        Args:
            service_name: Used when `OTEL_SERVICE_NAME` is unset.

        Returns:
            The configuration.
        """
        raw_headers = environ.get("OTEL_EXPORTER_OTLP_HEADERS", "")
        headers = dict(pair.split("=", 1) for pair in raw_headers.split(",") if "=" in pair)
        return cls(
            service_name=environ.get("OTEL_SERVICE_NAME", service_name),
            endpoint=environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", cls.endpoint),
            sample_ratio=float(environ.get("OTEL_TRACES_SAMPLER_ARG", "1.0")),
            headers=headers,
        )


def configure_tracing(config: TracingConfig, deployment: str | None = None) -> TracerProvider:
    """Install a global tracer provider that exports over OTLP/HTTP.

    Args:
        config: Exporter and sampling settings.
        deployment: The `deployment.environment` resource attribute.

    Returns:
        The installed provider; shut it down on exit to flush spans.
    """
    attributes = {"service.name": config.service_name}
    if deployment:
        attributes["deployment.environment"] = deployment
    provider = TracerProvider(
        resource=Resource.create(attributes),
        sampler=ParentBased(TraceIdRatioBased(config.sample_ratio)),
    )
    exporter = OTLPSpanExporter(endpoint=config.endpoint, headers=config.headers)
    provider.add_span_processor(BatchSpanProcessor(exporter))
    set_tracer_provider(provider)
    log.info("tracing_configured", service=config.service_name, ratio=config.sample_ratio)
    return provider
