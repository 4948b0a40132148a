#!/usr/bin/env bash
# Make sure PostgreSQL and Redis are installed, running and reachable, then create the role and
# database. Idempotent: installs what is missing (apt-get), starts what is stopped, and leaves
# running services alone. Skipped per service when DATABASE_URL / REDIS_URL point elsewhere.
set -euo pipefail

DB_NAME="${DB_NAME:-kinerja}"
DB_USER="${DB_USER:-kinerja}"
DB_PASSWORD="${DB_PASSWORD:-kinerja}"
REDIS_PORT="${REDIS_PORT:-6379}"

export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    echo "-- installing PostgreSQL (the distribution's version)"
    apt_install postgresql postgresql-client
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
    pg_createcluster "$version" main >/dev/null
  fi
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    echo "-- starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres -v u="$DB_USER" -v p="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L CREATEDB', :'u', :'p')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L CREATEDB', :'u', :'p') \gexec
SQL
  if ! runuser -u postgres -- psql -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname='${DB_NAME}'" | grep -q 1; then
    runuser -u postgres -- createdb -O "$DB_USER" "$DB_NAME"
  fi
}

ensure_redis() {
  command -v redis-server >/dev/null 2>&1 || { echo "-- installing Redis"; apt_install redis-server; }
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    echo "-- starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --logfile /tmp/kinerja-redis-"$REDIS_PORT".log --pidfile /tmp/kinerja-redis-"$REDIS_PORT".pid
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
  fi
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null
}

ensure_system_packages() {
  # gettext compiles translations; the WeasyPrint libraries render PDFs; chromium drives browser tests;
  # pg_dump and pg_restore make and restore backups, also when the database runs on another machine.
  local missing=()
  command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
  command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 || missing+=(postgresql-client)
  ldconfig -p | grep libpango-1.0 >/dev/null || missing+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -i dejavu >/dev/null || missing+=(fonts-dejavu-core)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # python-ldap (directory login) compiles against the OpenLDAP and SASL headers before pip runs;
  # the tests log in against a private slapd of their own.
  dpkg -s libldap2-dev libsasl2-dev slapd ldap-utils >/dev/null 2>&1 || missing+=(libldap2-dev libsasl2-dev slapd ldap-utils)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "-- installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

ensure_system_packages
if [ -z "${DATABASE_URL:-}" ]; then ensure_postgres; fi
if [ -z "${REDIS_URL:-}" ]; then ensure_redis; fi
echo "-- services ready"
