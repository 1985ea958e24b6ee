using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContestAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Contests",
                table: "Subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ContestId",
                table: "SubscriptionDeliveries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ContestId",
                table: "SubscriptionAlerts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionDeliveries_SubscriptionId_ContestId",
                table: "SubscriptionDeliveries",
                columns: new[] { "SubscriptionId", "ContestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubscriptionDeliveries_SubscriptionId_ContestId",
                table: "SubscriptionDeliveries");

            migrationBuilder.DropColumn(
                name: "Contests",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ContestId",
                table: "SubscriptionDeliveries");

            migrationBuilder.DropColumn(
                name: "ContestId",
                table: "SubscriptionAlerts");
        }
    }
}
