"""The hand-written XML contracts in spec/: the two XSDs and the infoRouter WSDL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl

import pytest
import zeep
from lxml import etree
from zeep.transports import Transport

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
ANSWER_SET_XSD = SPEC / "hotdocs-answer-set.xsd"
TASK_MODELS_XSD = SPEC / "inforouter-task-models.xsd"
WSDL = SPEC / "inforouter.wsdl"

TEMPURI = "http://tempuri.org/"
SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"
NS = {
    "wsdl": "http://schemas.xmlsoap.org/wsdl/",
    "s": "http://www.w3.org/2001/XMLSchema",
    "xs": "http://www.w3.org/2001/XMLSchema",
}


def _parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode("utf-8"))


def _errors(schema: etree.XMLSchema, xml: str) -> list[str]:
    schema.validate(_parse(xml))
    return [error.message for error in schema.error_log]


@pytest.fixture(scope="module")
def answer_set_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(ANSWER_SET_XSD)))


@pytest.fixture(scope="module")
def task_models_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(TASK_MODELS_XSD)))


# --------------------------------------------------------------------------- all three files


@pytest.mark.parametrize("path", [ANSWER_SET_XSD, TASK_MODELS_XSD, WSDL], ids=lambda p: p.name)
def test_spec_file_format(path: Path) -> None:
    """The file is UTF-8 with LF endings, has no XML declaration and opens with a hand-written note."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert b"\r" not in raw
    assert not text.startswith("\ufeff")
    assert not text.startswith("<?xml")
    assert text.startswith("<!--")
    assert "HAND-WRITTEN" in text.split("-->", 1)[0]
    assert "single source of truth" in " ".join(text.split("-->", 1)[0].split())
    assert "not documented by the vendor" in text


@pytest.mark.parametrize("path", [ANSWER_SET_XSD, TASK_MODELS_XSD], ids=lambda p: p.name)
def test_xsd_compiles(path: Path) -> None:
    """lxml compiles the XSD into a schema without errors."""
    etree.XMLSchema(etree.parse(str(path)))


# --------------------------------------------------------------------------- answer sets

P1_ANSWER_XML = (
    "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'>"
    "<TextValue>ExampleCorp</TextValue></Answer></AnswerSet>"
)
P1_CSHARP_INTENDED_ANSWER_XML = (
    "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='ClientName'>"
    "<TextValue>Bob Sherunkle</TextValue></Answer></AnswerSet>"
)
RPT_ONE_LEVEL = """<Answer name="Child Name"><RptValue>
  <TextValue>Ann</TextValue><TextValue unans="true"/><TextValue>Cy</TextValue><TextValue unans="true"/>
</RptValue></Answer>"""
RPT_TWO_LEVELS = """<Answer name="Author Full Name"><RptValue>            <!-- two levels -->
  <RptValue><TextValue>A</TextValue><TextValue unans="true"/></RptValue>
  <RptValue/>
</RptValue></Answer>"""
EVERY_VALUE_TYPE = """<AnswerSet title="Every type" version="1.1" save="true" useMangledNames="false">
  <Answer name="Text"><TextValue>Line one&#13;&#10;line two</TextValue></Answer>
  <Answer name="Empty text"><TextValue/></Answer>
  <Answer name="Num"><NumValue>1907.33</NumValue></Answer>
  <Answer name="Negative num"><NumValue>-12</NumValue></Answer>
  <Answer name="Unanswered num"><NumValue unans="true"/></Answer>
  <Answer name="Unanswered record"><DBValue unans="true"/></Answer>
  <Answer name="Date"><DateValue>17/10/2013</DateValue></Answer>
  <Answer name="Unpadded date"><DateValue>3/10/2014</DateValue></Answer>
  <Answer name="TF"><TFValue>true</TFValue></Answer>
  <Answer name="TF capital"><TFValue>False</TFValue></Answer>
  <Answer name="MC"><MCValue><SelValue>Red</SelValue><SelValue>Blue</SelValue></MCValue></Answer>
  <Answer name="MC unanswered"><MCValue/></Answer>
  <Answer name="Clauses"><ClauseLibValue>
    <ClauseSelValue title="Intro" fileName="intro.rtf" description="Opening clause"/>
    <ClauseSelValue title="End" fileName="end.rtf"/>
  </ClauseLibValue></Answer>
  <Answer name="Record"><DBValue>
    <DBColumn name="Id"><NumValue>7</NumValue></DBColumn>
    <DBColumn name="Name"><TextValue>Ann</TextValue></DBColumn>
    <DBColumn name="Born"><DateValue>1/2/1990</DateValue></DBColumn>
    <DBColumn name="Active"><TFValue>false</TFValue></DBColumn>
    <DBColumn name="Tags"><MCValue><SelValue>A</SelValue></MCValue></DBColumn>
  </DBValue></Answer>
  <Answer name="Repeat" userExtendible="false"><RptValue>
    <NumValue>1</NumValue><NumValue unans="true"/>
  </RptValue></Answer>
  <Answer name="Formatted"><DocTextValue fmt="rtf">Some <b>bold</b> text</DocTextValue></Answer>
  <Answer name="(Unsaved)" save="false"><TextValue unans="true" userModifiable="false"/></Answer>
  <Answer name="A2J flag"><TFValue UNANS="TRUE"/></Answer>
  <Answer name="Keep" save="nochange"><TextValue userModifiable="true">x</TextValue></Answer>
</AnswerSet>"""
WITH_XML_DECLARATION = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<AnswerSet title="" version="1.1" useMangledNames="false">\n'
    '  <Answer name="CompanyName"><TextValue>ExampleCorp</TextValue></Answer>\n'
    "</AnswerSet>\n"
)
UNKNOWN_ATTRIBUTES = (
    '<AnswerSet title="" producer="x"><Answer name="A" hint="y">'
    '<TextValue origin="z">v</TextValue></Answer></AnswerSet>'
)


def _answer_set(*answers: str) -> str:
    return (
        "<AnswerSet title='' version='1.1' useMangledNames='false'>"
        + "".join(answers)
        + "</AnswerSet>"
    )


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(P1_ANSWER_XML, id="p1-example-verbatim"),
        pytest.param(P1_CSHARP_INTENDED_ANSWER_XML, id="p1-csharp-sample-intent"),
        pytest.param(_answer_set(RPT_ONE_LEVEL), id="rpt-one-level"),
        pytest.param(_answer_set(RPT_TWO_LEVELS), id="rpt-two-levels"),
        pytest.param(_answer_set(RPT_ONE_LEVEL, RPT_TWO_LEVELS), id="rpt-both"),
        pytest.param(EVERY_VALUE_TYPE, id="every-value-type"),
        pytest.param(WITH_XML_DECLARATION, id="xml-declaration"),
        pytest.param(UNKNOWN_ATTRIBUTES, id="unknown-attributes-tolerated"),
        pytest.param("<AnswerSet/>", id="empty-answer-set"),
    ],
)
def test_answer_set_accepts(answer_set_schema: etree.XMLSchema, xml: str) -> None:
    """The answer-set XSD accepts this documented or representative answer set."""
    assert _errors(answer_set_schema, xml) == []


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("<Answer name='D'><DateValue>2013-10-17</DateValue></Answer>", id="iso-date"),
        pytest.param("<Answer name='D'><DateValue>2026-01-31</DateValue></Answer>", id="iso-2026"),
        pytest.param("<Answer name='D'><DateValue>2026.01.31</DateValue></Answer>", id="ymd-dots"),
        pytest.param(
            "<Answer name='R'><RptValue><DateValue>31-10-2015</DateValue>"
            "<DateValue>2026-01-31</DateValue></RptValue></Answer>",
            id="iso-date-in-repeat",
        ),
        pytest.param(
            "<Answer name='M'><MCValue><SelValue unans='maybe'/></MCValue></Answer>",
            id="selvalue-bad-unans",
        ),
        pytest.param(
            "<Answer name='M'><MCValue><SelValue><b/></SelValue></MCValue></Answer>",
            id="selvalue-child-element",
        ),
        pytest.param(
            "<Answer name='T'><TextValue>a</TextValue><TextValue>b</TextValue></Answer>",
            id="two-values",
        ),
        pytest.param("<Answer name='E'/>", id="no-value"),
        pytest.param("<Answer><TextValue>a</TextValue></Answer>", id="no-name"),
        pytest.param("<Answer name=''><TextValue>a</TextValue></Answer>", id="empty-name"),
        pytest.param(
            "<Answer name='U'><TextValue>a</TextValue><Note/></Answer>",
            id="unknown-child-in-answer",
        ),
        pytest.param("<Answer name='X'><TextValue unans='yes'/></Answer>", id="bad-unans"),
        pytest.param(
            "<Answer name='C'><ClauseLibValue><ClauseSelValue title='t'/></ClauseLibValue></Answer>",
            id="clause-without-filename",
        ),
        pytest.param(
            "<Answer name='R'><DBValue><DBColumn name='c'/></DBValue></Answer>",
            id="db-column-without-value",
        ),
        pytest.param("<Unknown/>", id="unknown-child-in-answer-set"),
    ],
)
def test_answer_set_rejects(answer_set_schema: etree.XMLSchema, answer: str) -> None:
    """The answer-set XSD rejects this malformed answer."""
    assert _errors(answer_set_schema, _answer_set(answer)) != []


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(
            "<Answer name='M'><MCValue><SelValue unans='true'/></MCValue></Answer>",
            id="unanswered-selvalue",
        ),
        pytest.param(
            "<Answer name='M'><MCValue><SelValue>Red</SelValue><SelValue UNANS='TRUE'/></MCValue>"
            "</Answer>",
            id="unanswered-selvalue-beside-a-selection",
        ),
        pytest.param("<Answer name='N'><NumValue>1E+15</NumValue></Answer>", id="exp-1E+15"),
        pytest.param("<Answer name='N'><NumValue>1E-05</NumValue></Answer>", id="exp-1E-05"),
        pytest.param("<Answer name='N'><NumValue>1e-05</NumValue></Answer>", id="exp-1e-05"),
        pytest.param("<Answer name='N'><NumValue>1e+16</NumValue></Answer>", id="exp-1e+16"),
        pytest.param("<Answer name='N'><NumValue>-2.5E+3</NumValue></Answer>", id="exp-neg"),
        pytest.param(
            "<Answer name='N'><NumValue unans='true'>234</NumValue></Answer>",
            id="unanswered-number-with-text",
        ),
        pytest.param(
            "<Answer name='T'><TFValue unans='true'>Ignored</TFValue></Answer>",
            id="unanswered-tf-with-text",
        ),
        pytest.param("<Answer name='D'><DateValue>31-10-2015</DateValue></Answer>", id="date-dash"),
        pytest.param("<Answer name='D'><DateValue>31.10.2015</DateValue></Answer>", id="date-dot"),
        pytest.param(
            "<Answer name='D'><DateValue>31 10 2015</DateValue></Answer>", id="date-space"
        ),
        pytest.param("<Answer name='D'><DateValue>3-1-2015</DateValue></Answer>", id="date-short"),
        pytest.param("<Answer name='T'><TFValue>1</TFValue></Answer>", id="tf-1"),
        pytest.param("<Answer name='T'><TFValue>0</TFValue></Answer>", id="tf-0"),
    ],
)
def test_answer_set_accepts_what_real_writers_produce(
    answer_set_schema: etree.XMLSchema, answer: str
) -> None:
    """The XSD accepts the forms the HotDocs Open SDK reads and real writers produce."""
    assert _errors(answer_set_schema, _answer_set(answer)) == []


def test_answer_set_rejects_value_element_as_root(answer_set_schema: etree.XMLSchema) -> None:
    """Only AnswerSet may be the document root."""
    assert _errors(answer_set_schema, "<TextValue>a</TextValue>") != []


# --------------------------------------------------------------------------- task models

# The two form POST bodies of the CreateRelatedTask page, verbatim (the page shows them unencoded).
P4_POST_BODY_APPROVAL = "authenticationTicket=abc123&taskId=456&xmlParameters=<RelatedTaskRequestModel><RequestedAssigneeName>jdoe</RequestedAssigneeName><Instructions>Please review</Instructions><DueDate>2026-05-15T00:00:00</DueDate><Priority>Normal</Priority><TaskRequirements><TaskRequirement><RequirementType>Approval</RequirementType><ObjectId>0</ObjectId><Definition></Definition></TaskRequirement></TaskRequirements><ReminderTimeSpan>0</ReminderTimeSpan><AllowedStartTimeSpan>0</AllowedStartTimeSpan><SendToNotice>true</SendToNotice></RelatedTaskRequestModel>"
P4_POST_BODY_NO_REQUIREMENTS = "authenticationTicket=abc123&taskId=456&xmlParameters=<RelatedTaskRequestModel><RequestedAssigneeName>jdoe</RequestedAssigneeName><Instructions>Please review</Instructions><DueDate>2026-05-15T00:00:00</DueDate><Priority>Normal</Priority><TaskRequirements /><ReminderTimeSpan>0</ReminderTimeSpan><AllowedStartTimeSpan>0</AllowedStartTimeSpan><SendToNotice>true</SendToNotice></RelatedTaskRequestModel>"
# The pretty-printed structure of the same page, verbatim.
P4_PRETTY_APPROVAL = """<RelatedTaskRequestModel>
<RequestedAssigneeName>jdoe</RequestedAssigneeName>
<Instructions>Please review the related document section.</Instructions>
<DueDate>2026-05-15T00:00:00</DueDate>
<Priority>Normal</Priority>
<TaskRequirements>
<TaskRequirement>
<RequirementType>Approval</RequirementType>
<ObjectId>0</ObjectId>
<Definition></Definition>
</TaskRequirement>
</TaskRequirements>
<ReminderTimeSpan>0</ReminderTimeSpan>
<AllowedStartTimeSpan>0</AllowedStartTimeSpan>
<SendToNotice>true</SendToNotice>
</RelatedTaskRequestModel>"""
# The page's "to specify no requirements, use an empty element" applied to the pretty form.
P4_PRETTY_NO_REQUIREMENTS = P4_PRETTY_APPROVAL.replace(
    P4_PRETTY_APPROVAL[
        P4_PRETTY_APPROVAL.index("<TaskRequirements>") : P4_PRETTY_APPROVAL.index(
            "<ReminderTimeSpan>"
        )
    ],
    "<TaskRequirements />\n",
)
TASK_CREATION_ALL_ELEMENTS = (
    "<TaskCreationRequestModel>"
    "<RequestedAssigneeName>jdoe</RequestedAssigneeName>"
    "<Instructions>Please review the contract.</Instructions>"
    "<DueDate>2026-05-15T00:00:00</DueDate>"
    "<Priority>High</Priority>"
    "<RightType>READ</RightType>"
    "<PermissionChangeDueDate>false</PermissionChangeDueDate>"
    "<PermissionEnableEdit>true</PermissionEnableEdit>"
    "<PermissionChangePriority>false</PermissionChangePriority>"
    "<PermissionChangeFinishDate>false</PermissionChangeFinishDate>"
    "<TaskRequirements>"
    "<TaskRequirement><RequirementType>FormTemplate</RequirementType><ObjectId>12</ObjectId>"
    "<Definition>Intake form</Definition></TaskRequirement>"
    "<TaskRequirement><RequirementType>LastestVersionRead</RequirementType></TaskRequirement>"
    "</TaskRequirements>"
    "<AllowedStartTimeSpan>48</AllowedStartTimeSpan>"
    "<ReminderTimeSpan>24</ReminderTimeSpan>"
    "<SendTaskNotice>true</SendTaskNotice>"
    "<OnCompleteNotification>false</OnCompleteNotification>"
    "</TaskCreationRequestModel>"
)


def _xml_parameters(post_body: str) -> str:
    return post_body.split("xmlParameters=", 1)[1]


def _variant(xml: str, old: str, new: str) -> str:
    assert old in xml, old
    return xml.replace(old, new, 1)


RELATED = _xml_parameters(P4_POST_BODY_APPROVAL)


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(_xml_parameters(P4_POST_BODY_APPROVAL), id="p4-post-approval"),
        pytest.param(_xml_parameters(P4_POST_BODY_NO_REQUIREMENTS), id="p4-post-no-requirements"),
        pytest.param(P4_PRETTY_APPROVAL, id="p4-pretty-approval"),
        pytest.param(P4_PRETTY_NO_REQUIREMENTS, id="p4-pretty-no-requirements"),
        pytest.param(TASK_CREATION_ALL_ELEMENTS, id="task-creation-all-14"),
        pytest.param(
            _variant(
                RELATED, "<Priority>Normal</Priority>", "<Priority>NoPriortySetting</Priority>"
            ),
            id="vendor-spelling-NoPriortySetting",
        ),
        pytest.param(
            _variant(RELATED, ">Approval<", ">ReproptPassword<"),
            id="vendor-spelling-ReproptPassword",
        ),
        pytest.param(
            _variant(
                RELATED,
                "<ObjectId>0</ObjectId><Definition></Definition>",
                "",
            ),
            id="requirement-type-only",
        ),
    ],
)
def test_task_model_accepts(task_models_schema: etree.XMLSchema, xml: str) -> None:
    """The task-models XSD accepts this vendor example or documented spelling."""
    assert _errors(task_models_schema, xml) == []


def test_task_creation_example_has_all_14_elements() -> None:
    """The TaskCreationRequestModel example really carries all 14 documented elements."""
    assert len(_parse(TASK_CREATION_ALL_ELEMENTS)) == 14


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(
            _variant(RELATED, "<Priority>Normal</Priority>", "<Priority>normal</Priority>"),
            id="priority-wrong-case",
        ),
        pytest.param(
            _variant(
                RELATED, "<Priority>Normal</Priority>", "<Priority>NoPrioritySetting</Priority>"
            ),
            id="priority-corrected-spelling",
        ),
        pytest.param(
            _variant(RELATED, ">Approval<", ">LatestVersionRead<"),
            id="requirement-corrected-spelling",
        ),
        pytest.param(
            _variant(RELATED, "<RequestedAssigneeName>jdoe</RequestedAssigneeName>", ""),
            id="missing-assignee",
        ),
        pytest.param(
            _variant(RELATED, ">jdoe<", "><"),
            id="empty-assignee",
        ),
        pytest.param(
            _variant(
                RELATED,
                "<ReminderTimeSpan>0</ReminderTimeSpan><AllowedStartTimeSpan>0</AllowedStartTimeSpan>",
                "<AllowedStartTimeSpan>0</AllowedStartTimeSpan><ReminderTimeSpan>0</ReminderTimeSpan>",
            ),
            id="related-spans-in-creation-order",
        ),
        pytest.param(
            _variant(
                TASK_CREATION_ALL_ELEMENTS,
                "<AllowedStartTimeSpan>48</AllowedStartTimeSpan><ReminderTimeSpan>24</ReminderTimeSpan>",
                "<ReminderTimeSpan>24</ReminderTimeSpan><AllowedStartTimeSpan>48</AllowedStartTimeSpan>",
            ),
            id="creation-spans-in-related-order",
        ),
        pytest.param(
            _variant(RELATED, "2026-05-15T00:00:00", "2026-05-15T00:00:00Z"),
            id="due-date-with-offset",
        ),
        pytest.param(
            _variant(RELATED, "2026-05-15T00:00:00", "2026-05-15"), id="due-date-only-date"
        ),
        pytest.param(
            _variant(TASK_CREATION_ALL_ELEMENTS, "SendTaskNotice>", "SendToNotice>").replace(
                "SendTaskNotice>", "SendToNotice>"
            ),
            id="creation-with-SendToNotice",
        ),
        pytest.param(
            _variant(RELATED, "SendToNotice>", "SendTaskNotice>").replace(
                "SendToNotice>", "SendTaskNotice>"
            ),
            id="related-with-SendTaskNotice",
        ),
        pytest.param(
            _variant(RELATED, "<SendToNotice>true<", "<SendToNotice>True<"),
            id="boolean-capitalised",
        ),
        pytest.param(
            _variant(RELATED, "<SendToNotice>true<", "<SendToNotice>1<"), id="boolean-digit"
        ),
        pytest.param(
            _variant(RELATED, "<ReminderTimeSpan>0<", "<ReminderTimeSpan>-1<"), id="negative-span"
        ),
        pytest.param(
            _variant(
                RELATED,
                "<TaskRequirement>",
                "<TaskRequirement><RequirementNumber>1</RequirementNumber>",
            ),
            id="requirement-number-sent",
        ),
        pytest.param(
            _variant(RELATED, "<RequirementType>Approval</RequirementType>", ""),
            id="requirement-without-type",
        ),
        pytest.param(
            _variant(
                RELATED, "<TaskRequirements>", "<RightType>READ</RightType><TaskRequirements>"
            ),
            id="related-with-right-type",
        ),
        pytest.param(
            RELATED.replace("RelatedTaskRequestModel>", "TaskCreationRequestModel>"),
            id="related-content-under-creation-root",
        ),
    ],
)
def test_task_model_rejects(task_models_schema: etree.XMLSchema, xml: str) -> None:
    """The task-models XSD rejects this wrong spelling, order, form or element."""
    assert _errors(task_models_schema, xml) != []


DOCUMENTED_ENUMS = {
    "PriorityName": ["NoPriortySetting", "Low", "Normal", "High", "Urgent"],
    "RequirementTypeName": [
        "Sign",
        "Edit",
        "LastestVersionRead",
        "PublishedVersionRead",
        "Comments",
        "Approval",
        "Archive",
        "SOXReview",
        "ISOReview",
        "Dispose",
        "Downgrade",
        "Declassify",
        "Transfer",
        "Attachment",
        "FormTemplate",
        "MetaData",
        "ReproptPassword",
    ],
    "RightTypeName": ["NOACCESS", "LIST", "READ", "ADD", "ADDREAD", "CHANGE", "FULLCONTROL"],
    "TaskStatusName": [
        "Reassigned",
        "Dropped",
        "NotStarted",
        "InProgress",
        "DueDateChanged",
        "Completed",
    ],
}


@pytest.mark.parametrize(("type_name", "values"), sorted(DOCUMENTED_ENUMS.items()))
def test_task_model_enum_spellings(type_name: str, values: list[str]) -> None:
    """The XSD enumeration holds exactly the vendor's wire spellings, in documented order."""
    found = etree.parse(str(TASK_MODELS_XSD)).xpath(
        "/xs:schema/xs:simpleType[@name=$name]/xs:restriction/xs:enumeration/@value",
        namespaces=NS,
        name=type_name,
    )
    assert found == values


# --------------------------------------------------------------------------- WSDL

OPERATIONS = (
    "AuthenticateUser",
    "LogOut",
    "isValidTicket",
    "CreateTask",
    "CreateRelatedTask",
    "CompleteTask",
    "DeleteTask",
    "ReassignTask",
    "GetTask",
)
PORTS = ("srvSoap", "srvSoap12", "srvHttpGet", "srvHttpPost")
SOAP_PORTS = {"srvSoap": SOAP11_ENV, "srvSoap12": SOAP12_ENV}
SAMPLE_VALUES: dict[str, Any] = {
    "s:string": "text",
    "s:int": 456,
    "s:boolean": True,
    "s:dateTime": dt.datetime(2026, 5, 15),  # naive, as on the wire
}


def _wsdl_parameters() -> dict[str, list[tuple[str, str]]]:
    """Request parameters (name, type) per operation, read from the WSDL's embedded schema."""
    doc = etree.parse(str(WSDL))
    operations = doc.xpath(
        "/wsdl:definitions/wsdl:portType[@name='srvSoap']/wsdl:operation/@name", namespaces=NS
    )
    return {
        str(op): [
            (str(e.get("name")), str(e.get("type")))
            for e in doc.xpath(
                "/wsdl:definitions/wsdl:types/s:schema/s:element[@name=$op]"
                "/s:complexType/s:sequence/s:element",
                namespaces=NS,
                op=op,
            )
        ]
        for op in operations
    }


WSDL_PARAMETERS = _wsdl_parameters()


class _OfflineTransport(Transport):
    """A zeep transport that fails the test on any attempt to fetch a remote document."""

    def _load_remote_data(self, url: str) -> bytes:
        raise AssertionError(f"zeep tried to load {url}")


@pytest.fixture(scope="module")
def client() -> zeep.Client:
    return zeep.Client(str(WSDL), transport=_OfflineTransport())  # type: ignore[no-untyped-call]


def test_wsdl_operations_in_order() -> None:
    """The WSDL declares exactly the nine operations, in the documented order."""
    assert tuple(WSDL_PARAMETERS) == OPERATIONS


def test_wsdl_parameters_are_the_documented_names() -> None:
    """Every request element lists the documented parameter names and types, in order."""
    s, i, b, d = "s:string", "s:int", "s:boolean", "s:dateTime"
    assert _wsdl_parameters() == {
        "AuthenticateUser": [("UID", s), ("PWD", s)],
        "LogOut": [("AuthenticationTicket", s)],
        "isValidTicket": [("AuthenticationTicket", s)],
        "CreateTask": [("authenticationTicket", s), ("documentPath", s), ("xmlParameters", s)],
        "CreateRelatedTask": [("authenticationTicket", s), ("taskId", i), ("xmlParameters", s)],
        "CompleteTask": [("authenticationTicket", s), ("taskId", i), ("comments", s)],
        "DeleteTask": [("authenticationTicket", s), ("taskId", i)],
        "ReassignTask": [
            ("authenticationTicket", s),
            ("taskId", i),
            ("reassignTo", s),
            ("newDueDate", d),
            ("newInstructions", s),
            ("sendTaskNotice", b),
        ],
        "GetTask": [("authenticationTicket", s), ("taskId", i)],
    }


def test_wsdl_occurrence_rules() -> None:
    """Strings are minOccurs 0 and value types minOccurs 1; each Result is mixed s:any."""
    doc = etree.parse(str(WSDL))
    schema = doc.find("wsdl:types/s:schema", namespaces=NS)
    assert schema is not None
    assert schema.get("elementFormDefault") == "qualified"
    assert schema.get("targetNamespace") == TEMPURI
    for op in OPERATIONS:
        for element in schema.xpath(
            "s:element[@name=$op]/s:complexType/s:sequence/s:element", namespaces=NS, op=op
        ):
            expected = "0" if element.get("type") == "s:string" else "1"
            assert (element.get("minOccurs"), element.get("maxOccurs")) == (expected, "1")
        result = schema.xpath(
            "s:element[@name=$r]/s:complexType/s:sequence/s:element",
            namespaces=NS,
            r=op + "Response",
        )
        assert [e.get("name") for e in result] == [op + "Result"]
        assert result[0].get("minOccurs") == "0"
        result_type = result[0].find("s:complexType", namespaces=NS)
        assert result_type is not None
        assert result_type.get("mixed") == "true"
        assert [
            etree.QName(c).localname for c in result_type.find("s:sequence", namespaces=NS)
        ] == ["any"]


def test_wsdl_http_messages_mirror_the_request_elements() -> None:
    """HTTP GET/POST input messages have one s:string part per parameter, in the same order."""
    doc = etree.parse(str(WSDL))
    for op, params in WSDL_PARAMETERS.items():
        for verb in ("HttpGet", "HttpPost"):
            parts = doc.xpath(
                "/wsdl:definitions/wsdl:message[@name=$m]/wsdl:part",
                namespaces=NS,
                m=f"{op}{verb}In",
            )
            assert [(p.get("name"), p.get("type")) for p in parts] == [
                (n, "s:string") for n, _ in params
            ]


def test_wsdl_loads_offline_with_four_ports(client: zeep.Client) -> None:
    """zeep loads the WSDL without network access and service srv has exactly the four ports."""
    ports = client.wsdl.services["srv"].ports
    assert list(ports) == list(PORTS)
    for name in PORTS:
        assert ports[name].binding_options["address"] == "http://localhost/srv.asmx"


@pytest.mark.parametrize("port", PORTS)
def test_wsdl_binding_has_the_nine_operations(client: zeep.Client, port: str) -> None:
    """Each of the four bindings exposes exactly the nine operations."""
    binding = client.wsdl.services["srv"].ports[port].binding
    assert sorted(binding.all()) == sorted(OPERATIONS)


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("port", sorted(SOAP_PORTS))
def test_soap_request_body(client: zeep.Client, port: str, operation: str) -> None:
    """zeep builds a tempuri.org wrapper whose children are the WSDL's parameters, in order."""
    params = WSDL_PARAMETERS[operation]
    kwargs = {name: SAMPLE_VALUES[type_] for name, type_ in params}
    envelope = client.create_message(  # type: ignore[no-untyped-call]
        client.bind("srv", port), operation, **kwargs
    )
    assert envelope.tag == f"{{{SOAP_PORTS[port]}}}Envelope"
    body = envelope.find(f"{{{SOAP_PORTS[port]}}}Body")
    assert body is not None
    wrapper = body[0]
    assert wrapper.tag == f"{{{TEMPURI}}}{operation}"
    assert [etree.QName(child).localname for child in wrapper] == [name for name, _ in params]
    assert {etree.QName(child).namespace for child in wrapper} == {TEMPURI}


@pytest.mark.parametrize("port", sorted(SOAP_PORTS))
def test_soap_action(client: zeep.Client, port: str) -> None:
    """Every SOAP operation uses SOAPAction http://tempuri.org/<Method>."""
    binding = client.wsdl.services["srv"].ports[port].binding
    for operation in OPERATIONS:
        assert binding.get(operation).soapaction == f"{TEMPURI}{operation}"


def test_xml_parameters_travel_escaped(client: zeep.Client) -> None:
    """A model passed as xmlParameters is sent as text, not as child elements."""
    model = _xml_parameters(P4_POST_BODY_APPROVAL)
    envelope = client.create_message(  # type: ignore[no-untyped-call]
        client.bind("srv", "srvSoap"),
        "CreateRelatedTask",
        authenticationTicket="t",
        taskId=456,
        xmlParameters=model,
    )
    node = envelope.find(f".//{{{TEMPURI}}}xmlParameters")
    assert node is not None
    assert node.text == model
    assert len(node) == 0


def test_http_get_request(client: zeep.Client) -> None:
    """The HTTP GET binding builds /<Method> with the parameters as query values."""
    binding = client.wsdl.services["srv"].ports["srvHttpGet"].binding
    message = binding.create_message(
        "CreateRelatedTask", authenticationTicket="t", taskId="456", xmlParameters="<x a='1'/>"
    )
    assert message.path == "/CreateRelatedTask"
    assert message.content == {
        "authenticationTicket": "t",
        "taskId": "456",
        "xmlParameters": "<x a='1'/>",
    }


def test_http_post_request(client: zeep.Client) -> None:
    """The HTTP POST binding builds a form-encoded body for /<Method>."""
    binding = client.wsdl.services["srv"].ports["srvHttpPost"].binding
    message = binding.create_message(
        "CreateRelatedTask", authenticationTicket="t", taskId="456", xmlParameters="<x a='1'/>"
    )
    assert message.path == "/CreateRelatedTask"
    assert message.headers == {"Content-Type": "application/x-www-form-urlencoded"}
    assert (
        message.content == "authenticationTicket=t&taskId=456&xmlParameters=%3Cx+a%3D%271%27%2F%3E"
    )
    assert parse_qsl(message.content) == [
        ("authenticationTicket", "t"),
        ("taskId", "456"),
        ("xmlParameters", "<x a='1'/>"),
    ]


@pytest.mark.parametrize("inner_namespace", ["", TEMPURI], ids=["xmlns-empty", "inherited"])
@pytest.mark.parametrize("port", sorted(SOAP_PORTS))
def test_soap_response_yields_embedded_element(
    client: zeep.Client, port: str, inner_namespace: str
) -> None:
    """zeep returns the <response> element inside ...Result as lxml, attributes intact."""
    envelope = (
        f'<soap:Envelope xmlns:soap="{SOAP_PORTS[port]}"><soap:Body>'
        '<CreateRelatedTaskResponse xmlns="http://tempuri.org/"><CreateRelatedTaskResult>'
        f'<response xmlns="{inner_namespace}" success="true"><Value><TaskId>789</TaskId>'
        "<RedirectedUserName></RedirectedUserName></Value></response>"
        "</CreateRelatedTaskResult></CreateRelatedTaskResponse></soap:Body></soap:Envelope>"
    )
    binding = client.wsdl.services["srv"].ports[port].binding
    reply = SimpleNamespace(
        status_code=200,
        content=envelope.encode("utf-8"),
        headers={"Content-Type": "text/xml; charset=utf-8"},
        encoding="utf-8",
    )
    result = binding.process_reply(client, binding.get("CreateRelatedTask"), reply)
    assert isinstance(result, etree._Element)
    assert etree.QName(result).localname == "response"
    assert (etree.QName(result).namespace or "") == inner_namespace
    assert dict(result.attrib) == {"success": "true"}
    assert result.findtext("*/{*}TaskId") == "789"
