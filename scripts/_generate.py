"""Compile spec/ into generated/ (run through scripts/generate, not directly).

Two generators, both deterministic (no timestamps, no absolute paths, sorted output):

* REST: openapi-python-client (version pinned in pyproject.toml) turns
  spec/hotdocs-advance.openapi.yaml into generated/hotdocs_advance_api/. The
  spec files the overlay and the sandbox need at run time are copied beside it.
* SOAP: zeep's own WSDL parser reads spec/inforouter.wsdl; this script writes
  generated/inforouter_api/ (an operation table, one typed class per port, the WSDL
  and XSDs as package data), so a WSDL change shows up as a code diff.

Every generated file starts with one header line naming its spec and this command;
generated/GENERATED.toml records each spec's sha256 and the tool versions.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from lxml import etree
from zeep import Client, Settings
from zeep.transports import Transport

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec"
OPENAPI = "spec/hotdocs-advance.openapi.yaml"
WSDL = "spec/inforouter.wsdl"
ANSWER_XSD = "spec/hotdocs-answer-set.xsd"
TASK_XSD = "spec/inforouter-task-models.xsd"
REST_PACKAGE = "hotdocs_advance_api"
SOAP_PACKAGE = "inforouter_api"
TOOLS = ("openapi-python-client", "ruff", "zeep")

# The post-hooks run the pinned ruff in isolation, so that the output does not depend
# on where the tree is generated or on the project's own ruff settings.
# content_type_overrides: the generator knows no media type range; a body of any type
# ("*/*", a document's content) is read as the bytes it is, like application/octet-stream.
OPENAPI_CONFIG = """\
content_type_overrides:
  "*/*": application/octet-stream
post_hooks:
  - "ruff check --no-cache --isolated --fix-only --extend-select=I --quiet ."
  - "ruff format --no-cache --isolated --quiet ."
"""


def header(spec: str, comment: str = "#") -> str:
    """The one line every generated file starts with."""
    text = f"Generated from {spec} by scripts/generate. Do not edit."
    if comment == "<!--":
        return f"<!-- {text} -->\n"
    return f"{comment} {text}\n"


def run(cmd: list[str], cwd: Path) -> None:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"scripts/generate: {' '.join(cmd[:2])} failed ({proc.returncode})")
    # openapi-python-client reports unsupported constructs as warnings on stdout and
    # still exits 0; a warning means part of the spec was silently skipped.
    if "warning" in (proc.stdout + proc.stderr).lower():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit("scripts/generate: the generator warned; fix the spec")


def copy_with_header(source: str, target: Path) -> None:
    text = (ROOT / source).read_text(encoding="utf-8")
    comment = "#" if source.endswith((".yaml", ".yml")) else "<!--"
    target.write_text(header(source, comment) + text, encoding="utf-8", newline="\n")


def stamp_python_files(package: Path, spec: str) -> None:
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".typed"}:
            text = path.read_text(encoding="utf-8")
            path.write_text(header(spec) + text, encoding="utf-8", newline="\n")


def generate_rest(out: Path, work: Path) -> None:
    config = work / "openapi-python-client.yaml"
    config.write_text(OPENAPI_CONFIG, encoding="utf-8")
    target = work / REST_PACKAGE
    run(
        [
            "openapi-python-client",
            "generate",
            "--path",
            str(ROOT / OPENAPI),
            "--meta",
            "none",
            "--output-path",
            str(target),
            "--config",
            str(config),
            "--custom-template-path",
            str(ROOT / "scripts" / "openapi-templates"),
        ],
        cwd=work,
    )
    # With --meta none the generator writes no py.typed; the wheel ships one per package.
    (target / "py.typed").write_text("", encoding="utf-8")
    stamp_python_files(target, OPENAPI)
    # The package's __init__ (scripts/openapi-templates/package_init.py.jinja) exports these
    # two files as OPENAPI_SPEC and ANSWER_SET_XSD.
    spec_dir = target / "spec"
    spec_dir.mkdir()
    copy_with_header(OPENAPI, spec_dir / "hotdocs-advance.openapi.yaml")
    copy_with_header(ANSWER_XSD, spec_dir / "hotdocs-answer-set.xsd")
    shutil.copytree(target, out / REST_PACKAGE)


# --- SOAP ------------------------------------------------------------------------------

XSD_NS = "http://www.w3.org/2001/XMLSchema"
WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
# XSD built-in type -> (Python annotation, how the HTTP bindings write it as text).
XSD_TYPES = {
    "string": ("str", "value"),
    "int": ("int", "str(value)"),
    "long": ("int", "str(value)"),
    "boolean": ("bool", '"true" if value else "false"'),
    "dateTime": ("datetime.datetime", "value.isoformat()"),
}
PORT_KINDS = {
    "Soap11Binding": ("soap11", "SOAP 1.1"),
    "Soap12Binding": ("soap12", "SOAP 1.2"),
    "HttpGetBinding": ("http-get", "HTTP GET"),
    "HttpPostBinding": ("http-post", "HTTP POST"),
}


@dataclass(frozen=True)
class Param:
    name: str
    xsd_type: str
    required: bool

    @property
    def annotation(self) -> str:
        python = XSD_TYPES[self.xsd_type][0]
        return python if self.required else f"{python} | None"


@dataclass(frozen=True)
class Op:
    name: str
    doc: str
    params: tuple[Param, ...]
    result: str


@dataclass(frozen=True)
class Port:
    name: str
    binding: str
    kind: str
    label: str
    soap_actions: dict[str, str]
    locations: dict[str, str]
    verb: str


def read_wsdl() -> tuple[str, str, list[Port], list[Op]]:
    """Read the WSDL with zeep's parser; documentation text is read with lxml."""

    class NoNetwork(Transport):
        def load(self, url: str) -> bytes:
            if "://" in url and not url.startswith("file://"):
                raise SystemExit(f"scripts/generate: the WSDL refers to {url}; keep it local")
            return super().load(url)  # type: ignore[no-untyped-call,no-any-return]

    path = ROOT / WSDL
    client = Client(str(path), transport=NoNetwork(), settings=Settings(strict=True))  # type: ignore[no-untyped-call]
    tree = etree.parse(str(path))
    docs = {}
    for op in tree.iterfind(f"{{{WSDL_NS}}}portType/{{{WSDL_NS}}}operation"):
        doc = op.findtext(f"{{{WSDL_NS}}}documentation")
        if doc and op.get("name") not in docs:
            docs[op.get("name")] = " ".join(doc.split())
    namespace = cast("str", tree.getroot().get("targetNamespace"))
    (service_name, service), *others = client.wsdl.services.items()
    if others:
        raise SystemExit("scripts/generate: the WSDL must declare exactly one service")

    ports: list[Port] = []
    ops: dict[str, Op] = {}
    for port_name, port in service.ports.items():
        binding = port.binding
        kind, label = PORT_KINDS[type(binding).__name__]
        actions: dict[str, str] = {}
        locations: dict[str, str] = {}
        for op_name, operation in sorted(binding._operations.items()):
            if kind.startswith("soap"):
                actions[op_name] = operation.soapaction
                element = operation.input.body
                params = tuple(
                    Param(
                        name=child.name,
                        xsd_type=child.type.qname.localname,
                        required=child.min_occurs > 0,
                    )
                    for _, child in element.type.elements
                )
                result_element = operation.output.body.type.elements[0][1].name
                soap_op = Op(op_name, docs.get(op_name, ""), params, result_element)
                if ops.setdefault(op_name, soap_op) != soap_op:
                    raise SystemExit(f"scripts/generate: {op_name} differs between SOAP ports")
            else:
                locations[op_name] = operation.location
        verb = {"http-get": "GET", "http-post": "POST"}.get(kind, "POST")
        ports.append(Port(port_name, str(binding.name), kind, label, actions, locations, verb))
    for port in ports:
        names = set(port.soap_actions or port.locations)
        if names != set(ops):
            raise SystemExit(f"scripts/generate: port {port.name} lacks {set(ops) - names}")
    return namespace, service_name, ports, [ops[name] for name in sorted(ops)]


def py_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_operations(namespace: str, service: str, ports: list[Port], ops: list[Op]) -> str:
    lines = [
        '"""The operations, parameters and ports of the infoRouter web service, as data.',
        "",
        "Everything here is read from the WSDL: parameter names (whose casing the vendor",
        "does not settle), SOAP actions and HTTP locations are written nowhere else, so",
        "the clients and the sandbox take them from this table.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from dataclasses import dataclass",
        "from typing import Final, Literal",
        "",
        f"NAMESPACE: Final = {py_str(namespace)}",
        f"SERVICE: Final = {py_str(service)}",
        "",
        'PortKind = Literal["soap11", "soap12", "http-get", "http-post"]',
        'XsdType = Literal["string", "int", "long", "boolean", "dateTime"]',
        "",
        "",
        "@dataclass(frozen=True, slots=True)",
        "class Parameter:",
        '    """One request parameter: its wire name, XSD type and whether it is required."""',
        "",
        "    name: str",
        "    xsd_type: XsdType",
        "    required: bool",
        "",
        "",
        "@dataclass(frozen=True, slots=True)",
        "class Operation:",
        '    """One operation: its name, parameters in wire order and result element."""',
        "",
        "    name: str",
        "    parameters: tuple[Parameter, ...]",
        "    result_element: str",
        "    soap_action: str",
        "    documentation: str",
        "",
        "",
        "@dataclass(frozen=True, slots=True)",
        "class Port:",
        '    """One port of the service: its binding kind and, for HTTP, verb and locations."""',
        "",
        "    name: str",
        "    kind: PortKind",
        "    verb: str",
        "    locations: tuple[tuple[str, str], ...]",
        "",
        "",
        "OPERATIONS: Final[dict[str, Operation]] = {",
    ]
    soap_port = next(p for p in ports if p.kind == "soap11")
    for op in ops:
        lines.append(f"    {py_str(op.name)}: Operation(")
        lines.append(f"        name={py_str(op.name)},")
        lines.append("        parameters=(")
        for p in op.params:
            lines.append(
                f"            Parameter({py_str(p.name)}, {py_str(p.xsd_type)}, {p.required}),"
            )
        lines.append("        ),")
        lines.append(f"        result_element={py_str(op.result)},")
        lines.append(f"        soap_action={py_str(soap_port.soap_actions[op.name])},")
        lines.append(f"        documentation={py_str(op.doc)},")
        lines.append("    ),")
    lines.append("}")
    lines.append("")
    lines.append("PORTS: Final[dict[PortKind, Port]] = {")
    for port in ports:
        locs = ", ".join(f"({py_str(k)}, {py_str(v)})" for k, v in sorted(port.locations.items()))
        lines.append(
            f"    {py_str(port.kind)}: Port({py_str(port.name)}, {py_str(port.kind)}, "
            f"{py_str(port.verb)}, ({locs}{',' if port.locations else ''})),"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _signature(op: Op) -> str:
    params = sorted(op.params, key=lambda p: not p.required)
    parts = []
    for p in params:
        default = "" if p.required else " = None"
        parts.append(f"{p.name}: {p.annotation}{default}")
    return ", ".join(["self", "*", *parts])


def _docstring(op: Op, label: str, returns: str) -> list[str]:
    body = [f"{op.name} over {label}.", ""]
    if op.doc:
        body += [*textwrap.wrap(op.doc, 80), ""]
    body.append("Args:")
    for p in op.params:
        need = "required" if p.required else "optional"
        body.append(f"    {p.name}: wire parameter ``{p.name}`` (xsd:{p.xsd_type}, {need}).")
    body += ["", "Returns:", f"    {returns}"]
    return ['        """' + body[0], *[("        " + b).rstrip() for b in body[1:]], '        """']


def render_ports(ports: list[Port], ops: list[Op]) -> str:
    out = [
        '"""Typed, per-port access to the infoRouter operations through zeep.',
        "",
        "One class per port of the WSDL, one method per operation, with the exact wire",
        "parameter names and their Python types. SOAP ports call zeep and return the",
        "element carried in ``<Method>Result`` (``<response>`` or ``<root>``). HTTP ports",
        "only build the request (zeep cannot read their untyped answers): the caller sends",
        "it and parses the bare XML document it gets back.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import datetime",
        "from dataclasses import dataclass",
        "from typing import Final",
        "",
        "import zeep",
        "import zeep.proxy",
        "from lxml import etree",
        "",
        "from .operations import PORTS",
        "",
        "",
        "def _result(value: object) -> etree._Element | None:",
        '    """The element zeep returns for a mixed ``s:any`` result, or None when empty."""',
        "    if value is None or isinstance(value, etree._Element):",
        "        return value",
        "    # zeep wraps mixed content it cannot reduce to one element in a list.",
        "    if isinstance(value, list):",
        "        elements = [v for v in value if isinstance(v, etree._Element)]",
        "        if len(elements) == 1:",
        "            return elements[0]",
        '    raise TypeError(f"unexpected result from zeep: {type(value).__name__}")',
        "",
        "",
        "def _text(value: str | int | bool | datetime.datetime | None) -> str | None:",
        '    """Write a value as the XSD lexical form the HTTP bindings send."""',
        "    if value is None or isinstance(value, str):",
        "        return value",
        "    if isinstance(value, bool):",
        '        return "true" if value else "false"',
        "    if isinstance(value, datetime.datetime):",
        '        return value.isoformat(timespec="seconds")',
        "    return str(value)",
        "",
        "",
        "@dataclass(frozen=True, slots=True)",
        "class HttpRequest:",
        '    """An HTTP GET or POST request for one operation, ready to send."""',
        "",
        "    method: str",
        "    url: str",
        "    params: dict[str, str]",
        "",
        "",
    ]
    for port in ports:
        for is_async in (False, True) if port.kind.startswith("soap") else (False,):
            cls = "".join(w[:1].upper() + w[1:] for w in [port.name])
            cls = ("Async" if is_async else "") + cls
            out.append(f"class {cls}:")
            if port.kind.startswith("soap"):
                client_type = "zeep.AsyncClient" if is_async else "zeep.Client"
                proxy = "AsyncServiceProxy" if is_async else "ServiceProxy"
                out += [
                    f'    """The ``{port.name}`` port ({port.label}, '
                    f"{'asynchronous' if is_async else 'synchronous'}).",
                    "",
                    "    Args:",
                    "        client: a zeep client loaded with the package's WSDL.",
                    "        address: the service URL (``https://<server>/srv.asmx``).",
                    '    """',
                    "",
                    f"    PORT: Final = {py_str(port.name)}",
                    "",
                    f"    def __init__(self, client: {client_type}, address: str) -> None:",
                    "        # zeep's proxy is untyped; _result() is where its Any stops.",
                    # zeep 4.3's AsyncClient.create_service returns a synchronous proxy,
                    # so the asynchronous ports build their proxy themselves.
                    f"        self._service = zeep.proxy.{proxy}(  # type: ignore[no-untyped-call]",
                    f"            client, client.wsdl.bindings[{py_str(port.binding)}],"
                    " address=address",
                    "        )",
                    "",
                ]
                for op in ops:
                    kw = "async def" if is_async else "def"
                    out.append(f"    {kw} {op.name}({_signature(op)}) -> etree._Element | None:")
                    out += _docstring(
                        op, port.label, "The ``<response>``/``<root>`` element, or None."
                    )
                    call = f"self._service.{op.name}("
                    args = ", ".join(f"{p.name}={p.name}" for p in op.params)
                    awaited = "await " if is_async else ""
                    out.append(f"        return _result({awaited}{call}{args}))")
                    out.append("")
            else:
                out += [
                    f'    """The ``{port.name}`` port ({port.label}): builds requests.',
                    "",
                    "    Args:",
                    "        address: the service URL (``https://<server>/srv.asmx``).",
                    '    """',
                    "",
                    f"    PORT: Final = {py_str(port.name)}",
                    "",
                    "    def __init__(self, address: str) -> None:",
                    '        self._address = address.rstrip("/")',
                    f"        self._locations = dict(PORTS[{py_str(port.kind)}].locations)",
                    "",
                ]
                for op in ops:
                    out.append(f"    def {op.name}({_signature(op)}) -> HttpRequest:")
                    out += _docstring(op, port.label, "The request to send.")
                    pairs = ", ".join(f"{py_str(p.name)}: _text({p.name})" for p in op.params)
                    out += [
                        f"        values = {{{pairs}}}",
                        "        return HttpRequest(",
                        f"            {py_str(port.verb)},",
                        f"            self._address + self._locations[{py_str(op.name)}],",
                        "            {k: v for k, v in values.items() if v is not None},",
                        "        )",
                        "",
                    ]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_init(ports: list[Port]) -> str:
    classes = []
    for port in ports:
        name = port.name[:1].upper() + port.name[1:]
        classes.append(name)
        if port.kind.startswith("soap"):
            classes.append("Async" + name)
    names = sorted(
        [
            *classes,
            "HttpRequest",
            "NAMESPACE",
            "OPERATIONS",
            "Operation",
            "PORTS",
            "Parameter",
            "Port",
            "PortKind",
            "SERVICE",
            "TASK_MODELS_XSD",
            "WSDL",
        ]
    )
    port_imports = [*classes, "HttpRequest"]
    return (
        "\n".join(
            [
                '"""infoRouter ``/srv.asmx`` client compiled from spec/inforouter.wsdl.',
                "",
                "The WSDL and the task-model XSD ship inside this package, so nothing is fetched",
                "from a server's ``?WSDL`` at run time.",
                '"""',
                "",
                "from importlib.resources import files",
                "from importlib.resources.abc import Traversable",
                "from typing import Final",
                "",
                "from .operations import (",
                "    NAMESPACE,",
                "    OPERATIONS,",
                "    PORTS,",
                "    SERVICE,",
                "    Operation,",
                "    Parameter,",
                "    Port,",
                "    PortKind,",
                ")",
                "from .ports import " + ", ".join(sorted(port_imports)),
                "",
                'WSDL: Final[Traversable] = files(__name__) / "inforouter.wsdl"',
                "TASK_MODELS_XSD: Final[Traversable] = "
                'files(__name__) / "inforouter-task-models.xsd"',
                "",
                "__all__ = [" + ", ".join(py_str(n) for n in names) + "]",
            ]
        )
        + "\n"
    )


def generate_soap(out: Path, work: Path) -> None:
    namespace, service, ports, ops = read_wsdl()
    target = work / SOAP_PACKAGE
    target.mkdir()
    (target / "operations.py").write_text(render_operations(namespace, service, ports, ops))
    (target / "ports.py").write_text(render_ports(ports, ops))
    (target / "__init__.py").write_text(render_init(ports))
    (target / "py.typed").write_text("")
    ruff = ["ruff", "--quiet", "--no-cache", "--isolated"]
    run([*ruff[:1], "check", *ruff[1:], "--fix-only", "--extend-select=I", "."], work)
    run([*ruff[:1], "format", *ruff[1:], "."], target)
    stamp_python_files(target, WSDL)
    copy_with_header(WSDL, target / "inforouter.wsdl")
    copy_with_header(TASK_XSD, target / "inforouter-task-models.xsd")
    shutil.copytree(target, out / SOAP_PACKAGE)


def write_provenance(out: Path) -> None:
    lines = [header("spec/"), "[specs]"]
    for spec in (OPENAPI, WSDL, ANSWER_XSD, TASK_XSD):
        digest = hashlib.sha256((ROOT / spec).read_bytes()).hexdigest()
        lines.append(f'"{spec}" = "{digest}"')
    lines += ["", "[templates]"]
    for template in sorted((ROOT / "scripts" / "openapi-templates").glob("*.jinja")):
        digest = hashlib.sha256(template.read_bytes()).hexdigest()
        lines.append(f'"{template.relative_to(ROOT).as_posix()}" = "{digest}"')
    lines += ["", "[tools]"]
    for tool in TOOLS:
        lines.append(f'{tool} = "{importlib.metadata.version(tool)}"')
    (out / "GENERATED.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(out: Path) -> None:
    """Write the whole generated tree into ``out`` (which must not exist)."""
    with tempfile.TemporaryDirectory(prefix="generate-") as tmp:
        work = Path(tmp)
        staging = work / "generated"
        staging.mkdir()
        (work / "rest").mkdir()
        (work / "soap").mkdir()
        generate_rest(staging, work / "rest")
        generate_soap(staging, work / "soap")
        write_provenance(staging)
        for cache in staging.rglob("__pycache__"):
            shutil.rmtree(cache)
        shutil.copytree(staging, out)


def tree_files(top: Path) -> dict[str, bytes]:
    return {
        path.relative_to(top).as_posix(): path.read_bytes()
        for path in sorted(top.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def rest_operations(tree: Path) -> list[str]:
    """The operations of the generated REST package: one module per operation."""
    api = tree / REST_PACKAGE / "api"
    return sorted(path.stem for path in api.glob("*/*.py") if path.name != "__init__.py")


def unexposed(tree: Path = ROOT / "generated") -> list[str]:
    """Name every spec operation that a client does not send and no table excuses."""
    from hotdocs_advance import AdvanceClient, AsyncAdvanceClient
    from hotdocs_advance._base import OPERATION_MARK
    from hotdocs_advance._ops import NOT_EXPOSED
    from inforouter._operations import NOT_EXPOSED as SOAP_NOT_EXPOSED
    from inforouter._operations import async_exposed_operations, exposed_operations
    from inforouter_api import OPERATIONS

    problems = []
    for client in (AdvanceClient, AsyncAdvanceClient):
        sent = {
            getattr(member, OPERATION_MARK)
            for member in vars(client).values()
            if hasattr(member, OPERATION_MARK)
        }
        for name in rest_operations(tree):
            if name not in sent and name not in NOT_EXPOSED:
                problems.append(
                    f"{OPENAPI}: operation {name} has no method on {client.__name__} "
                    "(add one marked @exposes, or list it in hotdocs_advance/_ops.py NOT_EXPOSED)"
                )
    for surface, sent_soap in (
        ("InfoRouterClient/Session", exposed_operations()),
        ("AsyncInfoRouterClient/AsyncSession", async_exposed_operations()),
    ):
        for name in sorted(OPERATIONS):
            if name not in sent_soap and name not in SOAP_NOT_EXPOSED:
                problems.append(
                    f"{WSDL}: operation {name} is sent by no method of {surface} (add one "
                    "marked @sends, or list it in inforouter/_operations.py NOT_EXPOSED)"
                )
    return problems


def check(current: Path) -> int:
    """Regenerate into a temporary directory and compare with ``current``, file by file."""
    with tempfile.TemporaryDirectory(prefix="check-generated-") as tmp:
        fresh = Path(tmp) / "generated"
        generate(fresh)
        want, have = tree_files(fresh), tree_files(current) if current.exists() else {}
    differing = sorted(
        [f"changed: {name}" for name in want.keys() & have.keys() if want[name] != have[name]]
        + [f"missing: {name}" for name in want.keys() - have.keys()]
        + [f"not generated: {name}" for name in have.keys() - want.keys()]
    )
    problems = unexposed()
    for line in problems:
        sys.stderr.write(f"scripts/check-generated: {line}\n")
    if not differing:
        print("scripts/check-generated: generated/ matches spec/.")
        if not problems:
            print("scripts/check-generated: every spec operation has a public method.")
        return 1 if problems else 0
    sys.stderr.write("scripts/check-generated: generated/ is out of date with spec/:\n")
    for line in differing:
        sys.stderr.write(f"  {line}\n")
    sys.stderr.write("Fix: run scripts/generate, then commit spec/ and generated/ together.\n")
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description="Regenerate generated/ from spec/.")
    parser.add_argument("--output", type=Path, default=ROOT / "generated", help="target directory")
    parser.add_argument(
        "--check", action="store_true", help="compare instead of writing; exit 1 on any difference"
    )
    args = parser.parse_args()
    out: Path = args.output.resolve()
    if args.check:
        raise SystemExit(check(out))
    with tempfile.TemporaryDirectory(prefix="generated-") as tmp:
        fresh = Path(tmp) / "generated"
        generate(fresh)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(fresh, out)
    print(f"scripts/generate: wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
