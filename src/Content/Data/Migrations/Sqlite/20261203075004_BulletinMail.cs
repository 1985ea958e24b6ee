using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "BulletinIssueId",
                table: "SubscriptionDeliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "SubscriptionAlerts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "BulletinIssueId",
                table: "SubscriptionAlerts",
                type: "INTEGER",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "SubscriptionAlerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
