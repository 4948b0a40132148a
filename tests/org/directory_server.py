"""A private OpenLDAP server (Debian's slapd) for the directory login tests.

It runs from a temporary folder on a free port of 127.0.0.1, with a minimal configuration (mdb
database, the inetOrgPerson schema, which carries ``employeeNumber``) and the entries of ``ENTRIES``
loaded with slapadd before it starts. Reads need a bind, as in a Pemda's directory, so the tests go
through Kinerja's service account. Every step has a deadline: a slapd that does not answer fails the
tests with its own log instead of hanging them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

import ldap

from org.nip import build_nip

SUFFIX = "dc=kinerja,dc=test"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "rahasia-root"
PEOPLE = f"ou=pegawai,{SUFFIX}"
SERVICE_DN = f"cn=kinerja,ou=layanan,{SUFFIX}"
SERVICE_PASSWORD = "rahasia-layanan"
START_SECONDS = 15
SBIN = "/usr/sbin:/sbin"
MISSING = "{} not found: install Debian's slapd and ldap-utils (scripts/ensure_services.sh does it)."


def directory_nip(serial: int) -> str:
    return build_nip(
        birth_date=date(1985, 2, 3), appointment_year=2010, appointment_month=4, is_female=False, serial=serial
    )


@dataclass(frozen=True)
class Person:
    uid: str
    password: str
    nip: str | None  # as the directory writes it: NIP attributes are often typed with spaces


BUDI = Person("budi", "direktori-budi", directory_nip(1))  # an employee with an account
SARI = Person("sari", "direktori-sari", directory_nip(2))  # an active employee without one yet
TAMU = Person("tamu", "direktori-tamu", directory_nip(3))  # no employee has this NIP
LEPAS = Person("lepas", "direktori-lepas", None)  # no NIP at all
ENTRIES = (BUDI, SARI, TAMU, LEPAS)

CONFIG = """\
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {root}/slapd.pid
database mdb
maxsize 16777216
suffix "{suffix}"
rootdn "{root_dn}"
rootpw {root_password}
directory {root}/data
access to attrs=userPassword by self =xw by anonymous auth by * none
access to * by users read by * none
"""


def spaced(nip: str) -> str:
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def ldif() -> str:
    blocks = [
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Kinerja\ndc: kinerja",
        f"dn: ou=layanan,{SUFFIX}\nobjectClass: organizationalUnit\nou: layanan",
        f"dn: {SERVICE_DN}\nobjectClass: person\ncn: kinerja\nsn: kinerja\nuserPassword: {SERVICE_PASSWORD}",
        f"dn: {PEOPLE}\nobjectClass: organizationalUnit\nou: pegawai",
    ]
    for person in ENTRIES:
        block = f"dn: uid={person.uid},{PEOPLE}\nobjectClass: inetOrgPerson\nuid: {person.uid}\ncn: {person.uid}\n"
        block += f"sn: {person.uid}\nuserPassword: {person.password}"
        blocks.append(block + (f"\nemployeeNumber: {spaced(person.nip)}" if person.nip else ""))
    return "\n\n".join(blocks) + "\n"


def _program(name: str) -> str:
    found = shutil.which(name, path=f"{os.environ.get('PATH', '')}:{SBIN}")
    if found is None:
        raise RuntimeError(MISSING.format(name))
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DirectoryServer:
    """One slapd process; ``uri`` once started."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.uri = f"ldap://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log: IO[str] | None = None

    def start(self) -> None:
        (self.root / "data").mkdir()
        config = self.root / "slapd.conf"
        values = {"root": self.root, "suffix": SUFFIX, "root_dn": ROOT_DN, "root_password": ROOT_PASSWORD}
        config.write_text(CONFIG.format(**values))
        (self.root / "entries.ldif").write_text(ldif())
        loaded = subprocess.run(
            [_program("slapadd"), "-f", config, "-l", self.root / "entries.ldif"],
            capture_output=True,
            text=True,
            timeout=START_SECONDS,
        )
        if loaded.returncode:
            raise RuntimeError(f"slapadd failed: {loaded.stderr}")
        self.log = (self.root / "slapd.log").open("w")
        # -d 0: stay in the foreground (a child of the tests, stopped with them) and log only errors.
        self.process = subprocess.Popen(
            [_program("slapd"), "-f", config, "-h", f"{self.uri}/", "-d", "0"], stdout=self.log, stderr=self.log
        )
        self._wait_until_answering()

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                connection = ldap.initialize(self.uri, bytes_mode=False)
                connection.set_option(ldap.OPT_NETWORK_TIMEOUT, 1.0)
                connection.set_option(ldap.OPT_TIMEOUT, 1.0)
                connection.simple_bind_s(ROOT_DN, ROOT_PASSWORD)
                connection.unbind_s()
                return
            except ldap.LDAPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"slapd did not answer on {self.uri}:\n{(self.root / 'slapd.log').read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.log is not None:
            self.log.close()
