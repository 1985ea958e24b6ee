using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VideoCaptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaptionsId",
                table: "VideoTranscodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_VideoTranscodes_CaptionsId",
                table: "VideoTranscodes",
                column: "CaptionsId");

            migrationBuilder.AddForeignKey(
                name: "FK_VideoTranscodes_MediaAssets_CaptionsId",
                table: "VideoTranscodes",
                column: "CaptionsId",
                principalTable: "MediaAssets",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_VideoTranscodes_MediaAssets_CaptionsId",
                table: "VideoTranscodes");

            migrationBuilder.DropIndex(
                name: "IX_VideoTranscodes_CaptionsId",
                table: "VideoTranscodes");

            migrationBuilder.DropColumn(
                name: "CaptionsId",
                table: "VideoTranscodes");
        }
    }
}
