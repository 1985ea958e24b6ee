using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VideoCaptionLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VideoCaptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VideoId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MediaAssetId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VideoCaptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VideoCaptions_MediaAssets_MediaAssetId",
                        column: x => x.MediaAssetId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VideoCaptions_MediaAssets_VideoId",
                        column: x => x.VideoId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VideoCaptions_MediaAssetId",
                table: "VideoCaptions",
                column: "MediaAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_VideoCaptions_VideoId_Language",
                table: "VideoCaptions",
                columns: new[] { "VideoId", "Language" },
                unique: true);

            // The one caption file a video had was Vietnamese (the only language the form offered): it becomes the "vi" track.
            migrationBuilder.Sql(
                """
                INSERT INTO "VideoCaptions" ("VideoId", "Language", "Label", "MediaAssetId", "CreatedAt")
                SELECT j."MediaAssetId", 'vi', 'Tiếng Việt', j."CaptionsId", a."CreatedAt"
                FROM "VideoTranscodes" j JOIN "MediaAssets" a ON a."Id" = j."CaptionsId"
                WHERE j."CaptionsId" IS NOT NULL;
                """);

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaptionsId",
                table: "VideoTranscodes",
                type: "integer",
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

            // Only one file per video fits the old column: the Vietnamese track's.
            migrationBuilder.Sql(
                """
                UPDATE "VideoTranscodes" SET "CaptionsId" =
                    (SELECT c."MediaAssetId" FROM "VideoCaptions" c WHERE c."VideoId" = "VideoTranscodes"."MediaAssetId" AND c."Language" = 'vi');
                """);

            migrationBuilder.DropTable(
                name: "VideoCaptions");
        }
    }
}
