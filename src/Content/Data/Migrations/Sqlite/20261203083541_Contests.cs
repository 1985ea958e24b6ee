using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Contests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RulesMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuestionsPerAttempt = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptsPerRound = table.Column<int>(type: "INTEGER", nullable: false),
                    GuessQuestion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Prizes_Encouragement = table.Column<int>(type: "INTEGER", nullable: false),
                    Prizes_First = table.Column<int>(type: "INTEGER", nullable: false),
                    Prizes_Second = table.Column<int>(type: "INTEGER", nullable: false),
                    Prizes_Third = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contests_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContestQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestQuestions_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestRounds_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCorrect = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestOptions_ContestQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ContestQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Guess = table.Column<int>(type: "INTEGER", nullable: true),
                    DisqualifiedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestAttempts_ContestRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ContestRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestAttempts_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContestAnswer",
                columns: table => new
                {
                    AttemptId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OptionOrder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Chosen = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestAnswer", x => new { x.AttemptId, x.QuestionId });
                    table.ForeignKey(
                        name: "FK_ContestAnswer_ContestAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "ContestAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestAnswer_ContestQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ContestQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContestEntryKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttemptId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestEntryKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestEntryKeys_ContestAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "ContestAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContestAnswer_QuestionId",
                table: "ContestAnswer",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestAttempts_RoundId_SubmittedAt",
                table: "ContestAttempts",
                columns: new[] { "RoundId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContestAttempts_Token",
                table: "ContestAttempts",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestAttempts_UnitId",
                table: "ContestAttempts",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntryKeys_AttemptId",
                table: "ContestEntryKeys",
                column: "AttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntryKeys_RoundId_Key_Number",
                table: "ContestEntryKeys",
                columns: new[] { "RoundId", "Key", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestOptions_QuestionId",
                table: "ContestOptions",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestQuestions_ContestId_Order",
                table: "ContestQuestions",
                columns: new[] { "ContestId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ContestRounds_ContestId_Number",
                table: "ContestRounds",
                columns: new[] { "ContestId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contests_Slug",
                table: "Contests",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contests_UnitId",
                table: "Contests",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestAnswer");

            migrationBuilder.DropTable(
                name: "ContestEntryKeys");

            migrationBuilder.DropTable(
                name: "ContestOptions");

            migrationBuilder.DropTable(
                name: "ContestAttempts");

            migrationBuilder.DropTable(
                name: "ContestQuestions");

            migrationBuilder.DropTable(
                name: "ContestRounds");

            migrationBuilder.DropTable(
                name: "Contests");
        }
    }
}
