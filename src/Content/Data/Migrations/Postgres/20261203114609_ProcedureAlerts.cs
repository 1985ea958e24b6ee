using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProcedureAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ProcedureChanges",
                table: "Subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ProcedureRevisionId",
                table: "SubscriptionDeliveries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProcedureRevisionId",
                table: "SubscriptionAlerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionDeliveries_SubscriptionId_ProcedureRevisionId",
                table: "SubscriptionDeliveries",
                columns: new[] { "SubscriptionId", "ProcedureRevisionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubscriptionDeliveries_SubscriptionId_ProcedureRevisionId",
                table: "SubscriptionDeliveries");

            migrationBuilder.DropColumn(
                name: "ProcedureChanges",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ProcedureRevisionId",
                table: "SubscriptionDeliveries");

            migrationBuilder.DropColumn(
                name: "ProcedureRevisionId",
                table: "SubscriptionAlerts");
        }
    }
}
