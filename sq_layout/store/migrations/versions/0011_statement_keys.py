"""The record tables' keys to their version (and the change log's to its change) checked once per statement on
PostgreSQL: a foreign key there runs one check per inserted row (≈ 5 µs of server CPU each: ≈ 0.6 s of a first save
of 55,000 investment records with their 55,000 change-log rows). The same rule, as two sets: after an insert the keys
the new rows name, less those present, must be none (the present ones locked FOR KEY SHARE, as a foreign key locks
them); after a delete or key change of a version or change, the keys it removed must be named by no row. A key
changed in place on a record is checked per row (never done by the store). SQLite keeps its foreign keys.

Revision ID: 0011
Revises: 0010
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_RECORDS = ["areas", "industries", "subindustries", "chains", "assignments", "details", "conflicts", "plan_figures"]
_INVEST = ["firms", "projects", "carriers", "links", "actuals", "prospects", "chain_leads", "chain_tasks"]
# (child table, its column, parent table, the parent's key)
KEYS = [(f"rec_{n}", "version_id", "plan_version", "id") for n in [*_RECORDS, "boundaries"]]
KEYS += [(f"inv_{n}", "version_id", "plan_version", "id") for n in _INVEST]
KEYS += [("change_record", "change_id", "change_set", "id")]

_FUNCTIONS = r"""
CREATE FUNCTION sq_keys_present() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE missing text;
BEGIN
    -- TG_ARGV: the column of the new rows, the parent table, its key
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %2$I p '
                   'WHERE p.%3$I IN (SELECT %1$I FROM added) FOR KEY SHARE) s', TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]);
    EXECUTE format('SELECT min(a.%1$I::text) FROM added a '
                   'WHERE a.%1$I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %2$I p WHERE p.%3$I = a.%1$I)',
                   TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]) INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key: %=% is not present in table "%"',
            TG_TABLE_NAME, TG_ARGV[0], missing, TG_ARGV[1] USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION sq_key_present() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE key text := to_jsonb(NEW) ->> TG_ARGV[0]; found int;
BEGIN
    IF key IS NOT NULL THEN
        EXECUTE format('SELECT 1 FROM %I WHERE %I = $1::int FOR KEY SHARE', TG_ARGV[1], TG_ARGV[2])
            INTO found USING key;
        IF found IS NULL THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key: %=% is not present in table "%"',
                TG_TABLE_NAME, TG_ARGV[0], key, TG_ARGV[1] USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION sq_keys_unused() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE i int := 1; named text; kept text := '';
BEGIN
    -- TG_ARGV: the parent's key, then (child table, its column) pairs
    IF TG_OP = 'UPDATE' THEN
        kept := format('r.%1$I NOT IN (SELECT k.%1$I FROM kept k) AND ', TG_ARGV[0]);
    END IF;
    WHILE i < TG_NARGS LOOP
        EXECUTE format('SELECT min(r.%1$I::text) FROM removed r WHERE ' || kept ||
                       'EXISTS (SELECT 1 FROM %2$I c WHERE c.%3$I = r.%1$I)', TG_ARGV[0], TG_ARGV[i], TG_ARGV[i + 1])
            INTO named;
        IF named IS NOT NULL THEN
            RAISE EXCEPTION 'update or delete on table "%" violates foreign key: %=% is still named in table "%"',
                TG_TABLE_NAME, TG_ARGV[0], named, TG_ARGV[i] USING ERRCODE = 'foreign_key_violation';
        END IF;
        i := i + 2;
    END LOOP;
    RETURN NULL;
END $$;
"""


def _parents() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for child, column, parent, key in KEYS:
        out.setdefault((parent, key), []).extend([child, column])
    return out


def upgrade() -> None:
    """Apply."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTIONS)
    for child, column, parent, key in KEYS:
        op.execute(f'ALTER TABLE "{child}" DROP CONSTRAINT "{child}_{column}_fkey"')
        args = f"'{column}', '{parent}', '{key}'"
        op.execute(
            f'CREATE TRIGGER sq_keys_present AFTER INSERT ON "{child}" REFERENCING NEW TABLE AS added '
            f"FOR EACH STATEMENT EXECUTE FUNCTION sq_keys_present({args})"
        )
        op.execute(
            f'CREATE TRIGGER sq_key_present AFTER UPDATE OF "{column}" ON "{child}" FOR EACH ROW '
            f'WHEN (OLD."{column}" IS DISTINCT FROM NEW."{column}") EXECUTE FUNCTION sq_key_present({args})'
        )
    for (parent, key), pairs in _parents().items():
        args = ", ".join(f"'{a}'" for a in [key, *pairs])
        op.execute(
            f'CREATE TRIGGER sq_keys_unused_delete AFTER DELETE ON "{parent}" REFERENCING OLD TABLE AS removed '
            f"FOR EACH STATEMENT EXECUTE FUNCTION sq_keys_unused({args})"
        )
        op.execute(
            f'CREATE TRIGGER sq_keys_unused_update AFTER UPDATE ON "{parent}" REFERENCING OLD TABLE AS removed '
            f"NEW TABLE AS kept FOR EACH STATEMENT EXECUTE FUNCTION sq_keys_unused({args})"
        )


def downgrade() -> None:
    """Revert."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for parent, _ in _parents():
        op.execute(f'DROP TRIGGER sq_keys_unused_delete ON "{parent}"')
        op.execute(f'DROP TRIGGER sq_keys_unused_update ON "{parent}"')
    for child, column, parent, key in KEYS:
        op.execute(f'DROP TRIGGER sq_keys_present ON "{child}"')
        op.execute(f'DROP TRIGGER sq_key_present ON "{child}"')
        op.execute(
            f'ALTER TABLE "{child}" ADD CONSTRAINT "{child}_{column}_fkey" FOREIGN KEY ("{column}") '
            f'REFERENCES "{parent}" ("{key}")'
        )
    op.execute("DROP FUNCTION sq_keys_present(); DROP FUNCTION sq_key_present(); DROP FUNCTION sq_keys_unused()")
