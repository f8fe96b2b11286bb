using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FhirEf.Migrations.Migrations
{
    /// <summary>
    /// The <c>"_Jobs"</c> table of asynchronous jobs ($reindex, $export). It is not part of the EF model (the
    /// model is derived from the FHIR definitions alone), so the model diff of this migration is empty and the
    /// snapshot is unchanged; without a model change there is no target model to record, hence no Designer file.
    /// </summary>
    [DbContext(typeof(FhirDbContext))]
    [Migration("20261121170000_Jobs")]
    public partial class Jobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(JobsTable.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(JobsTable.DropSql);
        }
    }
}
