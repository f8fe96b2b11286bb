using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FhirEf.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ObservationInterpretation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "interpretation",
                table: "Observation",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "interpretationSort",
                table: "Observation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "interpretationText",
                table: "Observation",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "Observation_interpretationText_trgm_idx",
                table: "Observation",
                column: "interpretationText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "Observation_interpretation_idx",
                table: "Observation",
                column: "interpretation")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "Observation_interpretationText_trgm_idx",
                table: "Observation");

            migrationBuilder.DropIndex(
                name: "Observation_interpretation_idx",
                table: "Observation");

            migrationBuilder.DropColumn(
                name: "interpretation",
                table: "Observation");

            migrationBuilder.DropColumn(
                name: "interpretationSort",
                table: "Observation");

            migrationBuilder.DropColumn(
                name: "interpretationText",
                table: "Observation");
        }
    }
}
