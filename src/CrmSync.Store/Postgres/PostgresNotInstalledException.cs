namespace CrmSync.Store.Postgres;

/// <summary>The embedded cluster was needed but no PostgreSQL server binaries could be found.</summary>
public sealed class PostgresNotInstalledException(string searched)
    : Exception(
        $"PostgreSQL is not installed (no initdb/pg_ctl/postgres in {searched}). " +
        "Fix: run ./scripts/setup.sh (or: sudo apt-get install postgresql), " +
        "or set ConnectionStrings:CrmSync to an existing PostgreSQL server.");
