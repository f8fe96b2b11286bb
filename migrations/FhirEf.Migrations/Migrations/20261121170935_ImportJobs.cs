using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FhirEf.Migrations.Migrations
{
    /// <summary>
    /// The tables of import jobs (<c>fhiref import</c>, <c>$import</c>): the job, each input's committed
    /// position and counts, and the resources refused. They are operational state outside the FHIR model,
    /// so they are raw SQL and the model snapshot does not change.
    /// </summary>
    public partial class ImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "_ImportJobs" (
                    "projectId" text NOT NULL,
                    id text NOT NULL,
                    status text NOT NULL,
                    "createdAt" timestamp with time zone NOT NULL,
                    "updatedAt" timestamp with time zone NOT NULL,
                    message text,
                    CONSTRAINT "PK__ImportJobs" PRIMARY KEY ("projectId", id)
                );
                CREATE INDEX "IX__ImportJobs_status" ON "_ImportJobs" (status, "createdAt");
                CREATE TABLE "_ImportJobInputs" (
                    "projectId" text NOT NULL,
                    "jobId" text NOT NULL,
                    ordinal integer NOT NULL,
                    url text NOT NULL,
                    "resourceType" text,
                    position bigint NOT NULL DEFAULT 0,
                    done boolean NOT NULL DEFAULT false,
                    resources bigint NOT NULL DEFAULT 0,
                    errors bigint NOT NULL DEFAULT 0,
                    CONSTRAINT "PK__ImportJobInputs" PRIMARY KEY ("projectId", "jobId", ordinal)
                );
                CREATE TABLE "_ImportJobErrors" (
                    "projectId" text NOT NULL,
                    "jobId" text NOT NULL,
                    ordinal integer NOT NULL,
                    position bigint NOT NULL,
                    message text NOT NULL,
                    CONSTRAINT "PK__ImportJobErrors" PRIMARY KEY ("projectId", "jobId", ordinal, position)
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "_ImportJobErrors"; DROP TABLE "_ImportJobInputs"; DROP TABLE "_ImportJobs";""");
        }
    }
}
