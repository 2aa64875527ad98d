"""Register files for the schools tests: a few rows in the export's own columns (with some of its
many others), written as the register writes them."""

import io

HEADER = (
    "URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),"
    "EstablishmentStatus (name),PhaseOfEducation (name),Street,Town,Postcode,"
    "HeadTitle (name),HeadFirstName,HeadLastName,TelephoneNum"
)


def row(
    urn,
    name,
    kind="Community school",
    status="Open",
    phase="Primary",
    town="Millbrook",
    head="Ann Lee",
):
    first, last = head.split()
    return (
        f"{urn},999,Northbrook,{name},{kind},{status},{phase},1 High Street,{town},NB1 1AA,"
        f"Mrs,{first},{last},0160 000000"
    )


def register(*rows, encoding="utf-8"):
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode(encoding)


def upload(client, data, path="/schools/import", name="edubasealldata20261203.csv"):
    return client.post(path, {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
