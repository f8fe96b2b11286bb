using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FhirEf.Migrations.Migrations
{
    /// <summary>
    /// Import jobs remember when they index (<c>now</c>, or <c>later</c>: load now, index later) and, for the
    /// latter, the reindex job queued when they complete. Like the ImportJobs migration this is operational
    /// state outside the FHIR model: raw SQL, no model change, hence no Designer file.
    /// </summary>
    [DbContext(typeof(FhirDbContext))]
    [Migration("20261122011500_ImportIndexing")]
    public partial class ImportIndexing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "_ImportJobs"
                    ADD COLUMN indexing text NOT NULL DEFAULT 'now',
                    ADD COLUMN "reindexJobId" uuid;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "_ImportJobs" DROP COLUMN "reindexJobId", DROP COLUMN indexing;""");
        }
    }
}
