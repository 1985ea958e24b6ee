using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BulletinMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "SubscriptionDeliveries",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "BulletinIssueId",
                table: "SubscriptionDeliveries",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "SubscriptionAlerts",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "BulletinIssueId",
                table: "SubscriptionAlerts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionDeliveries_SubscriptionId_BulletinIssueId",
                table: "SubscriptionDeliveries",
                columns: new[] { "SubscriptionId", "BulletinIssueId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubscriptionDeliveries_SubscriptionId_BulletinIssueId",
                table: "SubscriptionDeliveries");

            migrationBuilder.DropColumn(
                name: "BulletinIssueId",
                table: "SubscriptionDeliveries");

            migrationBuilder.DropColumn(
                name: "BulletinIssueId",
                table: "SubscriptionAlerts");

            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "SubscriptionDeliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "SubscriptionAlerts",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
