using Npgsql;

namespace FhirEf.EntityFramework.Tests.Schema;

/// <summary>A query as EF Core sent it: its SQL and copies of its parameters.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);
