CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "IsAdministrator" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "ItemType" TEXT NULL,
    "ItemId" TEXT NULL,
    "UnitId" INTEGER NULL,
    "Summary" TEXT NOT NULL,
    "Address" TEXT NULL
);

CREATE TABLE "Categories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Categories" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "SearchOutbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchOutbox" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "EnqueuedAt" TEXT NOT NULL
);

CREATE TABLE "Tags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Units" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "Description" TEXT NULL,
    "Contact_Address" TEXT NULL,
    "Contact_Phone" TEXT NULL,
    "Contact_Hotline" TEXT NULL,
    "Contact_Email" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "AllowSelfPublishing" INTEGER NOT NULL,
    CONSTRAINT "FK_Units_Units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MediaAssets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaAssets" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "AltText" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    CONSTRAINT "FK_MediaAssets_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "UnitMemberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UnitMemberships" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "FK_UnitMemberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_UnitMemberships_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MediaVariants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaVariants" PRIMARY KEY AUTOINCREMENT,
    "MediaAssetId" INTEGER NOT NULL,
    "Size" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "StoragePath" TEXT NOT NULL,
    CONSTRAINT "FK_MediaVariants_MediaAssets_MediaAssetId" FOREIGN KEY ("MediaAssetId") REFERENCES "MediaAssets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "BodyMarkdown" TEXT NOT NULL,
    "CategoryId" INTEGER NULL,
    "Audience" TEXT NOT NULL,
    "CoverImageId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "PublishAt" TEXT NULL,
    "UnpublishAt" TEXT NULL,
    "AuthorId" TEXT NULL,
    "LastEditorId" TEXT NULL,
    "ApproverId" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "Retirement" TEXT NULL,
    "ReplacedByPostId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Document_Number" TEXT NULL,
    "Document_Type" TEXT NULL,
    "Document_IssuedOn" TEXT NULL,
    "Document_Issuer" TEXT NULL,
    "Document_Signer" TEXT NULL,
    "Document_EffectiveOn" TEXT NULL,
    "Document_ExpiresOn" TEXT NULL,
    "Document_Abstract" TEXT NULL,
    CONSTRAINT "FK_Posts_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_MediaAssets_CoverImageId" FOREIGN KEY ("CoverImageId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Posts_ReplacedByPostId" FOREIGN KEY ("ReplacedByPostId") REFERENCES "Posts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "MediaAssetId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Attachments_MediaAssets_MediaAssetId" FOREIGN KEY ("MediaAssetId") REFERENCES "MediaAssets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attachments_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DocumentRelations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentRelations" PRIMARY KEY AUTOINCREMENT,
    "FromPostId" INTEGER NOT NULL,
    "ToPostId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentRelations_Posts_FromPostId" FOREIGN KEY ("FromPostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentRelations_Posts_ToPostId" FOREIGN KEY ("ToPostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PostRevision" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PostRevision" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "BodyMarkdown" TEXT NOT NULL,
    "FieldsJson" TEXT NOT NULL,
    CONSTRAINT "FK_PostRevision_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PostSlugHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PostSlugHistory" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Slug" TEXT NOT NULL,
    CONSTRAINT "FK_PostSlugHistory_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PostTags" (
    "PostsId" INTEGER NOT NULL,
    "TagsId" INTEGER NOT NULL,
    CONSTRAINT "PK_PostTags" PRIMARY KEY ("PostsId", "TagsId"),
    CONSTRAINT "FK_PostTags_Posts_PostsId" FOREIGN KEY ("PostsId") REFERENCES "Posts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PostTags_Tags_TagsId" FOREIGN KEY ("TagsId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PostVideos" (
    "PostId" INTEGER NOT NULL CONSTRAINT "PK_PostVideos" PRIMARY KEY,
    "FileId" INTEGER NULL,
    "ExternalUrl" TEXT NULL,
    "PosterId" INTEGER NULL,
    "CaptionsId" INTEGER NULL,
    "DurationSeconds" INTEGER NULL,
    CONSTRAINT "FK_PostVideos_MediaAssets_CaptionsId" FOREIGN KEY ("CaptionsId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PostVideos_MediaAssets_FileId" FOREIGN KEY ("FileId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PostVideos_MediaAssets_PosterId" FOREIGN KEY ("PosterId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PostVideos_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_Attachments_MediaAssetId" ON "Attachments" ("MediaAssetId");

CREATE INDEX "IX_Attachments_PostId" ON "Attachments" ("PostId");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_UserId" ON "AuditEntries" ("UserId");

CREATE UNIQUE INDEX "IX_Categories_Slug" ON "Categories" ("Slug");

CREATE UNIQUE INDEX "IX_DocumentRelations_FromPostId_ToPostId_Kind" ON "DocumentRelations" ("FromPostId", "ToPostId", "Kind");

CREATE INDEX "IX_DocumentRelations_ToPostId" ON "DocumentRelations" ("ToPostId");

CREATE INDEX "IX_MediaAssets_UnitId_CreatedAt" ON "MediaAssets" ("UnitId", "CreatedAt");

CREATE UNIQUE INDEX "IX_MediaVariants_MediaAssetId_Size_ContentType" ON "MediaVariants" ("MediaAssetId", "Size", "ContentType");

CREATE UNIQUE INDEX "IX_PostRevision_PostId_Number" ON "PostRevision" ("PostId", "Number");

CREATE INDEX "IX_Posts_CategoryId" ON "Posts" ("CategoryId");

CREATE INDEX "IX_Posts_CoverImageId" ON "Posts" ("CoverImageId");

CREATE INDEX "IX_Posts_Document_Number" ON "Posts" ("Document_Number");

CREATE INDEX "IX_Posts_ReplacedByPostId" ON "Posts" ("ReplacedByPostId");

CREATE INDEX "IX_Posts_Status_PublishAt" ON "Posts" ("Status", "PublishAt");

CREATE UNIQUE INDEX "IX_Posts_UnitId_Slug" ON "Posts" ("UnitId", "Slug");

CREATE INDEX "IX_PostSlugHistory_PostId" ON "PostSlugHistory" ("PostId");

CREATE INDEX "IX_PostSlugHistory_UnitId_Slug" ON "PostSlugHistory" ("UnitId", "Slug");

CREATE INDEX "IX_PostTags_TagsId" ON "PostTags" ("TagsId");

CREATE INDEX "IX_PostVideos_CaptionsId" ON "PostVideos" ("CaptionsId");

CREATE INDEX "IX_PostVideos_FileId" ON "PostVideos" ("FileId");

CREATE INDEX "IX_PostVideos_PosterId" ON "PostVideos" ("PosterId");

CREATE UNIQUE INDEX "IX_Tags_Slug" ON "Tags" ("Slug");

CREATE INDEX "IX_UnitMemberships_UnitId" ON "UnitMemberships" ("UnitId");

CREATE UNIQUE INDEX "IX_UnitMemberships_UserId_UnitId_Role" ON "UnitMemberships" ("UserId", "UnitId", "Role");

CREATE INDEX "IX_Units_ParentId" ON "Units" ("ParentId");

CREATE UNIQUE INDEX "IX_Units_Slug" ON "Units" ("Slug");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124095121_Initial', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Units" ADD "MergedAt" TEXT NULL;

ALTER TABLE "Units" ADD "MergedIntoId" INTEGER NULL;

ALTER TABLE "Posts" ADD "IssuingUnitName" TEXT NULL;

CREATE INDEX "IX_Units_MergedIntoId" ON "Units" ("MergedIntoId");

CREATE TABLE "ef_temp_Units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Units" PRIMARY KEY AUTOINCREMENT,
    "AllowSelfPublishing" INTEGER NOT NULL,
    "Contact_Address" TEXT NULL,
    "Contact_Email" TEXT NULL,
    "Contact_Hotline" TEXT NULL,
    "Contact_Phone" TEXT NULL,
    "Description" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "MergedAt" TEXT NULL,
    "MergedIntoId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "ShortName" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Units_Units_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Units_Units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Units" ("Id", "AllowSelfPublishing", "Contact_Address", "Contact_Email", "Contact_Hotline", "Contact_Phone", "Description", "IsActive", "Kind", "MergedAt", "MergedIntoId", "Name", "ParentId", "ShortName", "Slug", "SortOrder")
SELECT "Id", "AllowSelfPublishing", "Contact_Address", "Contact_Email", "Contact_Hotline", "Contact_Phone", "Description", "IsActive", "Kind", "MergedAt", "MergedIntoId", "Name", "ParentId", "ShortName", "Slug", "SortOrder"
FROM "Units";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Units";

ALTER TABLE "ef_temp_Units" RENAME TO "Units";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Units_MergedIntoId" ON "Units" ("MergedIntoId");

CREATE INDEX "IX_Units_ParentId" ON "Units" ("ParentId");

CREATE UNIQUE INDEX "IX_Units_Slug" ON "Units" ("Slug");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124111856_UnitMerging', '10.0.13');

BEGIN TRANSACTION;
ALTER TABLE "SearchOutbox" ADD "QuestionId" INTEGER NULL;

CREATE TABLE "Submissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Submissions" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "TrackingCode" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "CategoryId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "PublishConsent" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "FeedbackType" TEXT NULL,
    "AttachmentPath" TEXT NULL,
    "AttachmentName" TEXT NULL,
    "AttachmentType" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "AssignedUserId" TEXT NULL,
    "AnswerMarkdown" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredByUnitId" INTEGER NULL,
    "PublishedAt" TEXT NULL,
    "RejectionReason" TEXT NULL,
    "MergedIntoId" INTEGER NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Submissions_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Submissions_Submissions_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "Submissions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Submissions_Units_AnsweredByUnitId" FOREIGN KEY ("AnsweredByUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Submissions_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SubmissionHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubmissionHistory" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Step" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "UnitId" INTEGER NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_SubmissionHistory_Submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "Submissions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SubmissionHistory_SubmissionId" ON "SubmissionHistory" ("SubmissionId");

CREATE INDEX "IX_Submissions_AnsweredByUnitId" ON "Submissions" ("AnsweredByUnitId");

CREATE INDEX "IX_Submissions_CategoryId" ON "Submissions" ("CategoryId");

CREATE INDEX "IX_Submissions_Kind_Status_AnsweredAt" ON "Submissions" ("Kind", "Status", "AnsweredAt");

CREATE INDEX "IX_Submissions_MergedIntoId" ON "Submissions" ("MergedIntoId");

CREATE INDEX "IX_Submissions_ReceivedAt" ON "Submissions" ("ReceivedAt");

CREATE UNIQUE INDEX "IX_Submissions_TrackingCode" ON "Submissions" ("TrackingCode");

CREATE INDEX "IX_Submissions_UnitId_Status_DueOn" ON "Submissions" ("UnitId", "Status", "DueOn");

CREATE TABLE "ef_temp_SearchOutbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchOutbox" PRIMARY KEY AUTOINCREMENT,
    "EnqueuedAt" TEXT NOT NULL,
    "PostId" INTEGER NULL,
    "QuestionId" INTEGER NULL
);

INSERT INTO "ef_temp_SearchOutbox" ("Id", "EnqueuedAt", "PostId", "QuestionId")
SELECT "Id", "EnqueuedAt", "PostId", "QuestionId"
FROM "SearchOutbox";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "SearchOutbox";

ALTER TABLE "ef_temp_SearchOutbox" RENAME TO "SearchOutbox";

COMMIT;

PRAGMA foreign_keys = 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124112122_Questions', '10.0.13');

BEGIN TRANSACTION;
ALTER TABLE "Posts" ADD "PlanItemId" INTEGER NULL;

CREATE TABLE "Plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Number" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "Title" TEXT NOT NULL,
    "DocumentPostId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Plans_Posts_DocumentPostId" FOREIGN KEY ("DocumentPostId") REFERENCES "Posts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Plans_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanItems" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Group" TEXT NULL,
    "Content" TEXT NOT NULL,
    "Form" TEXT NULL,
    "LeadName" TEXT NOT NULL,
    "LeadUnitId" INTEGER NULL,
    "Timing" TEXT NOT NULL,
    "DueMonths" TEXT NOT NULL,
    "TimingText" TEXT NOT NULL,
    "ExpectedOutput" TEXT NULL,
    CONSTRAINT "FK_PlanItems_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanItems_Units_LeadUnitId" FOREIGN KEY ("LeadUnitId") REFERENCES "Units" ("Id") ON DELETE SET NULL
);

CREATE TABLE "PlanItemCoordinators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanItemCoordinators" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "PlanItemId" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanItemCoordinators_PlanItems_PlanItemId" FOREIGN KEY ("PlanItemId") REFERENCES "PlanItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanItemCoordinators_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Posts_PlanItemId" ON "Posts" ("PlanItemId");

CREATE INDEX "IX_PlanItemCoordinators_PlanItemId" ON "PlanItemCoordinators" ("PlanItemId");

CREATE INDEX "IX_PlanItemCoordinators_UnitId" ON "PlanItemCoordinators" ("UnitId");

CREATE INDEX "IX_PlanItems_LeadUnitId" ON "PlanItems" ("LeadUnitId");

CREATE INDEX "IX_PlanItems_PlanId_Order" ON "PlanItems" ("PlanId", "Order");

CREATE INDEX "IX_Plans_DocumentPostId" ON "Plans" ("DocumentPostId");

CREATE INDEX "IX_Plans_UnitId_Year" ON "Plans" ("UnitId", "Year");

CREATE TABLE "ef_temp_Posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "ApproverId" TEXT NULL,
    "Audience" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "BodyMarkdown" TEXT NOT NULL,
    "CategoryId" INTEGER NULL,
    "CoverImageId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "Document_Abstract" TEXT NULL,
    "Document_EffectiveOn" TEXT NULL,
    "Document_ExpiresOn" TEXT NULL,
    "Document_IssuedOn" TEXT NULL,
    "Document_Issuer" TEXT NULL,
    "Document_Number" TEXT NULL,
    "Document_Signer" TEXT NULL,
    "Document_Type" TEXT NULL,
    "IssuingUnitName" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "LastEditorId" TEXT NULL,
    "PlanItemId" INTEGER NULL,
    "PublishAt" TEXT NULL,
    "ReplacedByPostId" INTEGER NULL,
    "Retirement" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "Slug" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Title" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "UnpublishAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Posts_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_MediaAssets_CoverImageId" FOREIGN KEY ("CoverImageId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_PlanItems_PlanItemId" FOREIGN KEY ("PlanItemId") REFERENCES "PlanItems" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Posts_ReplacedByPostId" FOREIGN KEY ("ReplacedByPostId") REFERENCES "Posts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Posts_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Posts" ("Id", "ApproverId", "Audience", "AuthorId", "BodyMarkdown", "CategoryId", "CoverImageId", "CreatedAt", "Document_Abstract", "Document_EffectiveOn", "Document_ExpiresOn", "Document_IssuedOn", "Document_Issuer", "Document_Number", "Document_Signer", "Document_Type", "IssuingUnitName", "Kind", "LastEditorId", "PlanItemId", "PublishAt", "ReplacedByPostId", "Retirement", "ReviewNote", "Slug", "Status", "Summary", "Title", "UnitId", "UnpublishAt", "UpdatedAt", "Version")
SELECT "Id", "ApproverId", "Audience", "AuthorId", "BodyMarkdown", "CategoryId", "CoverImageId", "CreatedAt", "Document_Abstract", "Document_EffectiveOn", "Document_ExpiresOn", "Document_IssuedOn", "Document_Issuer", "Document_Number", "Document_Signer", "Document_Type", "IssuingUnitName", "Kind", "LastEditorId", "PlanItemId", "PublishAt", "ReplacedByPostId", "Retirement", "ReviewNote", "Slug", "Status", "Summary", "Title", "UnitId", "UnpublishAt", "UpdatedAt", "Version"
FROM "Posts";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Posts";

ALTER TABLE "ef_temp_Posts" RENAME TO "Posts";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Posts_CategoryId" ON "Posts" ("CategoryId");

CREATE INDEX "IX_Posts_CoverImageId" ON "Posts" ("CoverImageId");

CREATE INDEX "IX_Posts_Document_Number" ON "Posts" ("Document_Number");

CREATE INDEX "IX_Posts_PlanItemId" ON "Posts" ("PlanItemId");

CREATE INDEX "IX_Posts_ReplacedByPostId" ON "Posts" ("ReplacedByPostId");

CREATE INDEX "IX_Posts_Status_PublishAt" ON "Posts" ("Status", "PublishAt");

CREATE UNIQUE INDEX "IX_Posts_UnitId_Slug" ON "Posts" ("UnitId", "Slug");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124124046_Plans', '10.0.13');

BEGIN TRANSACTION;
CREATE TABLE "PostPendingChanges" (
    "PostId" INTEGER NOT NULL CONSTRAINT "PK_PostPendingChanges" PRIMARY KEY,
    "RevisionId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StartedById" TEXT NULL,
    "LastEditorId" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PostPendingChanges_PostRevision_RevisionId" FOREIGN KEY ("RevisionId") REFERENCES "PostRevision" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PostPendingChanges_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PostPendingChanges_RevisionId" ON "PostPendingChanges" ("RevisionId");

CREATE INDEX "IX_PostPendingChanges_Status" ON "PostPendingChanges" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202101810_PendingChanges', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "PostRevision" ADD "FieldsVersion" INTEGER NOT NULL DEFAULT 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202114751_RevisionFieldsVersion', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "SearchState" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchState" PRIMARY KEY,
    "Generation" INTEGER NOT NULL,
    "PrunedThroughOutboxId" INTEGER NOT NULL
);

INSERT INTO "SearchState" ("Id", "Generation", "PrunedThroughOutboxId")
VALUES (1, 0, 0);
SELECT changes();


CREATE TABLE "ef_temp_Units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Units" PRIMARY KEY AUTOINCREMENT,
    "AllowSelfPublishing" INTEGER NOT NULL,
    "Contact_Address" TEXT NULL,
    "Contact_Email" TEXT NULL,
    "Contact_Hotline" TEXT NULL,
    "Contact_Phone" TEXT NULL,
    "Description" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "MergedAt" TEXT NULL,
    "MergedIntoId" INTEGER NULL,
    "Name" TEXT COLLATE vi NOT NULL,
    "ParentId" INTEGER NULL,
    "ShortName" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Units_Units_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Units_Units_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Units" ("Id", "AllowSelfPublishing", "Contact_Address", "Contact_Email", "Contact_Hotline", "Contact_Phone", "Description", "IsActive", "Kind", "MergedAt", "MergedIntoId", "Name", "ParentId", "ShortName", "Slug", "SortOrder")
SELECT "Id", "AllowSelfPublishing", "Contact_Address", "Contact_Email", "Contact_Hotline", "Contact_Phone", "Description", "IsActive", "Kind", "MergedAt", "MergedIntoId", "Name", "ParentId", "ShortName", "Slug", "SortOrder"
FROM "Units";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Units";

ALTER TABLE "ef_temp_Units" RENAME TO "Units";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Units_MergedIntoId" ON "Units" ("MergedIntoId");

CREATE INDEX "IX_Units_ParentId" ON "Units" ("ParentId");

CREATE UNIQUE INDEX "IX_Units_Slug" ON "Units" ("Slug");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202140448_SharedNodeState', '10.0.13');

BEGIN TRANSACTION;
ALTER TABLE "Plans" ADD "EndYear" INTEGER NULL;

ALTER TABLE "PlanItems" ADD "DueDay" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202184306_PlanPeriods', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "IndexDefinitions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexDefinitions" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Assessor" TEXT NOT NULL,
    "Scale" TEXT NOT NULL,
    "MaxScore" TEXT NULL,
    "HigherIsBetter" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "IndexComponent" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexComponent" PRIMARY KEY AUTOINCREMENT,
    "IndexDefinitionId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "MaxScore" TEXT NULL,
    "FromYear" INTEGER NOT NULL,
    "ToYear" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_IndexComponent_IndexDefinitions_IndexDefinitionId" FOREIGN KEY ("IndexDefinitionId") REFERENCES "IndexDefinitions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndexResults" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexResults" PRIMARY KEY AUTOINCREMENT,
    "IndexDefinitionId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Grouping" TEXT NOT NULL,
    "WithinUnitId" INTEGER NULL,
    "PublisherUnitId" INTEGER NOT NULL,
    "Score" TEXT NOT NULL,
    "Rank" INTEGER NULL,
    "RankedOf" INTEGER NULL,
    "SourceTitle" TEXT NULL,
    "SourcePostId" INTEGER NULL,
    "AnnouncedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IndexResults_IndexDefinitions_IndexDefinitionId" FOREIGN KEY ("IndexDefinitionId") REFERENCES "IndexDefinitions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IndexResults_Posts_SourcePostId" FOREIGN KEY ("SourcePostId") REFERENCES "Posts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_IndexResults_Units_PublisherUnitId" FOREIGN KEY ("PublisherUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IndexResults_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IndexResults_Units_WithinUnitId" FOREIGN KEY ("WithinUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IndexComponentScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexComponentScores" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "IndexResultId" INTEGER NOT NULL,
    CONSTRAINT "FK_IndexComponentScores_IndexResults_IndexResultId" FOREIGN KEY ("IndexResultId") REFERENCES "IndexResults" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndexResultCorrection" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndexResultCorrection" PRIMARY KEY AUTOINCREMENT,
    "IndexResultId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "Score" TEXT NOT NULL,
    "Rank" INTEGER NULL,
    "RankedOf" INTEGER NULL,
    "ComponentsText" TEXT NULL,
    CONSTRAINT "FK_IndexResultCorrection_IndexResults_IndexResultId" FOREIGN KEY ("IndexResultId") REFERENCES "IndexResults" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_IndexComponent_IndexDefinitionId_Code_FromYear" ON "IndexComponent" ("IndexDefinitionId", "Code", "FromYear");

CREATE INDEX "IX_IndexComponentScores_IndexResultId" ON "IndexComponentScores" ("IndexResultId");

CREATE UNIQUE INDEX "IX_IndexDefinitions_Code" ON "IndexDefinitions" ("Code");

CREATE INDEX "IX_IndexResultCorrection_IndexResultId" ON "IndexResultCorrection" ("IndexResultId");

CREATE UNIQUE INDEX "IX_IndexResults_IndexDefinitionId_Year_UnitId" ON "IndexResults" ("IndexDefinitionId", "Year", "UnitId");

CREATE INDEX "IX_IndexResults_PublisherUnitId" ON "IndexResults" ("PublisherUnitId");

CREATE INDEX "IX_IndexResults_SourcePostId" ON "IndexResults" ("SourcePostId");

CREATE INDEX "IX_IndexResults_UnitId" ON "IndexResults" ("UnitId");

CREATE INDEX "IX_IndexResults_WithinUnitId" ON "IndexResults" ("WithinUnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202185122_IndexResults', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SearchSynonyms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchSynonyms" PRIMARY KEY AUTOINCREMENT,
    "Forms" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "TurnsOffShipped" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202191619_SearchSynonyms', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SubscriptionAlerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubscriptionAlerts" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "QueuedAt" TEXT NULL
);

CREATE TABLE "Subscriptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Subscriptions" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Frequency" TEXT NOT NULL,
    "UnitIds" TEXT NOT NULL,
    "IncludeSubUnits" INTEGER NOT NULL,
    "CategoryIds" TEXT NOT NULL,
    "Kinds" TEXT NOT NULL,
    "Bulletin" INTEGER NOT NULL,
    "Stamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ConfirmBy" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "UnsubscribedAt" TEXT NULL
);

CREATE TABLE "SubscriptionDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubscriptionDeliveries" PRIMARY KEY AUTOINCREMENT,
    "SubscriptionId" INTEGER NOT NULL,
    "PostId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "QueuedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_SubscriptionDeliveries_Subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "Subscriptions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SubscriptionAlerts_QueuedAt" ON "SubscriptionAlerts" ("QueuedAt");

CREATE INDEX "IX_SubscriptionDeliveries_PostId" ON "SubscriptionDeliveries" ("PostId");

CREATE INDEX "IX_SubscriptionDeliveries_Status_DueAt" ON "SubscriptionDeliveries" ("Status", "DueAt");

CREATE UNIQUE INDEX "IX_SubscriptionDeliveries_SubscriptionId_PostId" ON "SubscriptionDeliveries" ("SubscriptionId", "PostId");

CREATE UNIQUE INDEX "IX_Subscriptions_Email" ON "Subscriptions" ("Email");

CREATE INDEX "IX_Subscriptions_Status" ON "Subscriptions" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202202215_Subscriptions', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "SearchOutbox" ADD "ItemId" INTEGER NULL;

ALTER TABLE "SearchOutbox" ADD "Source" TEXT NULL;

CREATE TABLE "ProcedureTerms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedureTerms" PRIMARY KEY AUTOINCREMENT,
    "List" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Name" TEXT COLLATE vi NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "Procedures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Procedures" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT COLLATE vi NOT NULL,
    "FoldedName" TEXT NOT NULL,
    "FieldId" INTEGER NOT NULL,
    "LevelId" INTEGER NOT NULL,
    "ProcedureType" TEXT NULL,
    "ImplementingBody" TEXT NOT NULL,
    "CompetentBody" TEXT NULL,
    "WhereToSubmit" TEXT NULL,
    "Steps" TEXT NOT NULL,
    "ProcessingTime" TEXT NOT NULL,
    "Fees" TEXT NOT NULL,
    "FeeAmount" TEXT NULL,
    "Subjects" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "Requirements" TEXT NULL,
    "OnlineLevel" TEXT NOT NULL,
    "PortalUrl" TEXT NULL,
    "DecisionNumber" TEXT NULL,
    "DecisionDate" TEXT NULL,
    "DecisionPostId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "StatusSince" TEXT NULL,
    "ReplacedByCode" TEXT NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Dossier" TEXT NULL,
    "LegalBases" TEXT NULL,
    "Ways" TEXT NULL,
    CONSTRAINT "FK_Procedures_Posts_DecisionPostId" FOREIGN KEY ("DecisionPostId") REFERENCES "Posts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Procedures_ProcedureTerms_FieldId" FOREIGN KEY ("FieldId") REFERENCES "ProcedureTerms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Procedures_ProcedureTerms_LevelId" FOREIGN KEY ("LevelId") REFERENCES "ProcedureTerms" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProcedureRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedureRevisions" PRIMARY KEY AUTOINCREMENT,
    "ProcedureId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Change" TEXT NULL,
    "DecisionNumber" TEXT NULL,
    "DecisionDate" TEXT NULL,
    "ChangedFields" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_ProcedureRevisions_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProcedureUnit" (
    "ProcedureId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "PK_ProcedureUnit" PRIMARY KEY ("ProcedureId", "UnitId"),
    CONSTRAINT "FK_ProcedureUnit_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProcedureUnit_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ProcedureRevisions_DecisionNumber" ON "ProcedureRevisions" ("DecisionNumber");

CREATE UNIQUE INDEX "IX_ProcedureRevisions_ProcedureId_Number" ON "ProcedureRevisions" ("ProcedureId", "Number");

CREATE UNIQUE INDEX "IX_Procedures_Code" ON "Procedures" ("Code");

CREATE INDEX "IX_Procedures_DecisionPostId" ON "Procedures" ("DecisionPostId");

CREATE INDEX "IX_Procedures_FieldId" ON "Procedures" ("FieldId");

CREATE INDEX "IX_Procedures_LevelId" ON "Procedures" ("LevelId");

CREATE INDEX "IX_Procedures_Status_FieldId" ON "Procedures" ("Status", "FieldId");

CREATE UNIQUE INDEX "IX_ProcedureTerms_List_Slug" ON "ProcedureTerms" ("List", "Slug");

CREATE INDEX "IX_ProcedureUnit_UnitId" ON "ProcedureUnit" ("UnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202202314_Procedures', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DossierResults" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierResults" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "FieldId" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "Figures_Apologies" INTEGER NOT NULL,
    "Figures_PendingInTime" INTEGER NOT NULL,
    "Figures_PendingOverdue" INTEGER NOT NULL,
    "Figures_Received" INTEGER NOT NULL,
    "Figures_ReceivedOnline" INTEGER NOT NULL,
    "Figures_ResolvedLate" INTEGER NOT NULL,
    "Figures_ResolvedOnTime" INTEGER NOT NULL,
    CONSTRAINT "FK_DossierResults_ProcedureTerms_FieldId" FOREIGN KEY ("FieldId") REFERENCES "ProcedureTerms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierResults_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DossierResults_FieldId" ON "DossierResults" ("FieldId");

CREATE UNIQUE INDEX "IX_DossierResults_UnitId_Year_Month_FieldId" ON "DossierResults" ("UnitId", "Year", "Month", "FieldId");

CREATE INDEX "IX_DossierResults_Year_Month" ON "DossierResults" ("Year", "Month");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203040711_DossierResults', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Units" ADD "Profile" TEXT NOT NULL DEFAULT '{"Leaders":[]}';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203041630_UnitProfiles', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "BulletinIssues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BulletinIssues" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "PeriodIndex" INTEGER NOT NULL,
    "Introduction" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "LastEditorId" TEXT NOT NULL,
    "ApproverId" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    CONSTRAINT "FK_BulletinIssues_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BulletinEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BulletinEntries" PRIMARY KEY AUTOINCREMENT,
    "IssueId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "ItemKind" TEXT NOT NULL,
    "ItemId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Url" TEXT NOT NULL,
    "Section" TEXT NOT NULL,
    CONSTRAINT "FK_BulletinEntries_BulletinIssues_IssueId" FOREIGN KEY ("IssueId") REFERENCES "BulletinIssues" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_BulletinEntries_IssueId_ItemKind_ItemId" ON "BulletinEntries" ("IssueId", "ItemKind", "ItemId");

CREATE INDEX "IX_BulletinIssues_Status_PublishedAt" ON "BulletinIssues" ("Status", "PublishedAt");

CREATE UNIQUE INDEX "IX_BulletinIssues_UnitId_Year_Number" ON "BulletinIssues" ("UnitId", "Year", "Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203052438_BulletinIssues', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "SubscriptionDeliveries" ADD "BulletinIssueId" INTEGER NULL;

ALTER TABLE "SubscriptionAlerts" ADD "BulletinIssueId" INTEGER NULL;

CREATE UNIQUE INDEX "IX_SubscriptionDeliveries_SubscriptionId_BulletinIssueId" ON "SubscriptionDeliveries" ("SubscriptionId", "BulletinIssueId");

CREATE TABLE "ef_temp_SubscriptionDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubscriptionDeliveries" PRIMARY KEY AUTOINCREMENT,
    "Attempts" INTEGER NOT NULL,
    "BulletinIssueId" INTEGER NULL,
    "DueAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "PostId" INTEGER NULL,
    "QueuedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubscriptionId" INTEGER NOT NULL,
    CONSTRAINT "FK_SubscriptionDeliveries_Subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "Subscriptions" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_SubscriptionDeliveries" ("Id", "Attempts", "BulletinIssueId", "DueAt", "LastError", "LeaseOwner", "LeaseUntil", "NextAttemptAt", "PostId", "QueuedAt", "SentAt", "Status", "SubscriptionId")
SELECT "Id", "Attempts", "BulletinIssueId", "DueAt", "LastError", "LeaseOwner", "LeaseUntil", "NextAttemptAt", "PostId", "QueuedAt", "SentAt", "Status", "SubscriptionId"
FROM "SubscriptionDeliveries";

CREATE TABLE "ef_temp_SubscriptionAlerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubscriptionAlerts" PRIMARY KEY AUTOINCREMENT,
    "BulletinIssueId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "PostId" INTEGER NULL,
    "QueuedAt" TEXT NULL
);

INSERT INTO "ef_temp_SubscriptionAlerts" ("Id", "BulletinIssueId", "CreatedAt", "PostId", "QueuedAt")
SELECT "Id", "BulletinIssueId", "CreatedAt", "PostId", "QueuedAt"
FROM "SubscriptionAlerts";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "SubscriptionDeliveries";

ALTER TABLE "ef_temp_SubscriptionDeliveries" RENAME TO "SubscriptionDeliveries";

DROP TABLE "SubscriptionAlerts";

ALTER TABLE "ef_temp_SubscriptionAlerts" RENAME TO "SubscriptionAlerts";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_SubscriptionDeliveries_PostId" ON "SubscriptionDeliveries" ("PostId");

CREATE INDEX "IX_SubscriptionDeliveries_Status_DueAt" ON "SubscriptionDeliveries" ("Status", "DueAt");

CREATE UNIQUE INDEX "IX_SubscriptionDeliveries_SubscriptionId_BulletinIssueId" ON "SubscriptionDeliveries" ("SubscriptionId", "BulletinIssueId");

CREATE UNIQUE INDEX "IX_SubscriptionDeliveries_SubscriptionId_PostId" ON "SubscriptionDeliveries" ("SubscriptionId", "PostId");

CREATE INDEX "IX_SubscriptionAlerts_QueuedAt" ON "SubscriptionAlerts" ("QueuedAt");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203075004_BulletinMail', '10.0.13');

BEGIN TRANSACTION;
CREATE TABLE "SubmittedReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubmittedReports" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "OverseerUnitId" INTEGER NOT NULL,
    "PeriodKind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedById" TEXT NOT NULL,
    "SubmittedByName" TEXT NOT NULL,
    "FiguresJson" TEXT NOT NULL,
    "Results" TEXT NOT NULL,
    "Limitations" TEXT NOT NULL,
    "Proposals" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ReviewComment" TEXT NULL,
    "ReviewedByName" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    CONSTRAINT "FK_SubmittedReports_Units_OverseerUnitId" FOREIGN KEY ("OverseerUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SubmittedReports_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "UnitOversights" (
    "OverseerUnitId" INTEGER NOT NULL,
    "OverseenUnitId" INTEGER NOT NULL,
    CONSTRAINT "PK_UnitOversights" PRIMARY KEY ("OverseerUnitId", "OverseenUnitId"),
    CONSTRAINT "FK_UnitOversights_Units_OverseenUnitId" FOREIGN KEY ("OverseenUnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_UnitOversights_Units_OverseerUnitId" FOREIGN KEY ("OverseerUnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SubmittedReports_OverseerUnitId_PeriodKind_Year_Quarter" ON "SubmittedReports" ("OverseerUnitId", "PeriodKind", "Year", "Quarter");

CREATE UNIQUE INDEX "IX_SubmittedReports_UnitId_PeriodKind_Year_Quarter_Version" ON "SubmittedReports" ("UnitId", "PeriodKind", "Year", "Quarter", "Version");

CREATE INDEX "IX_UnitOversights_OverseenUnitId" ON "UnitOversights" ("OverseenUnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203082858_Upward', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Contests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Contests" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "RulesMarkdown" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "QuestionsPerAttempt" INTEGER NOT NULL,
    "TimeLimitSeconds" INTEGER NOT NULL,
    "AttemptsPerRound" INTEGER NOT NULL,
    "GuessQuestion" TEXT NULL,
    "IsSample" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Prizes_Encouragement" INTEGER NOT NULL,
    "Prizes_First" INTEGER NOT NULL,
    "Prizes_Second" INTEGER NOT NULL,
    "Prizes_Third" INTEGER NOT NULL,
    CONSTRAINT "FK_Contests_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContestQuestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContestQuestions" PRIMARY KEY AUTOINCREMENT,
    "ContestId" INTEGER NOT NULL,
    "Explanation" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Required" INTEGER NOT NULL,
    "Group" TEXT NULL,
    CONSTRAINT "FK_ContestQuestions_Contests_ContestId" FOREIGN KEY ("ContestId") REFERENCES "Contests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContestRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContestRounds" PRIMARY KEY AUTOINCREMENT,
    "ContestId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    CONSTRAINT "FK_ContestRounds_Contests_ContestId" FOREIGN KEY ("ContestId") REFERENCES "Contests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContestOptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContestOptions" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" INTEGER NOT NULL,
    "IsCorrect" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_ContestOptions_ContestQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "ContestQuestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContestAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContestAttempts" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "Token" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "BirthYear" INTEGER NULL,
    "UnitId" INTEGER NULL,
    "Address" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "DurationSeconds" INTEGER NULL,
    "Score" INTEGER NULL,
    "Guess" INTEGER NULL,
    "DisqualifiedReason" TEXT NULL,
    "IsSample" INTEGER NOT NULL,
    CONSTRAINT "FK_ContestAttempts_ContestRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "ContestRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContestAttempts_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE SET NULL
);

CREATE TABLE "ContestAnswer" (
    "AttemptId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "OptionOrder" TEXT NOT NULL,
    "Chosen" TEXT NOT NULL,
    CONSTRAINT "PK_ContestAnswer" PRIMARY KEY ("AttemptId", "QuestionId"),
    CONSTRAINT "FK_ContestAnswer_ContestAttempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "ContestAttempts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContestAnswer_ContestQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "ContestQuestions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContestEntryKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContestEntryKeys" PRIMARY KEY AUTOINCREMENT,
    "AttemptId" INTEGER NOT NULL,
    "RoundId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    CONSTRAINT "FK_ContestEntryKeys_ContestAttempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "ContestAttempts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ContestAnswer_QuestionId" ON "ContestAnswer" ("QuestionId");

CREATE INDEX "IX_ContestAttempts_RoundId_SubmittedAt" ON "ContestAttempts" ("RoundId", "SubmittedAt");

CREATE UNIQUE INDEX "IX_ContestAttempts_Token" ON "ContestAttempts" ("Token");

CREATE INDEX "IX_ContestAttempts_UnitId" ON "ContestAttempts" ("UnitId");

CREATE INDEX "IX_ContestEntryKeys_AttemptId" ON "ContestEntryKeys" ("AttemptId");

CREATE UNIQUE INDEX "IX_ContestEntryKeys_RoundId_Key_Number" ON "ContestEntryKeys" ("RoundId", "Key", "Number");

CREATE INDEX "IX_ContestOptions_QuestionId" ON "ContestOptions" ("QuestionId");

CREATE INDEX "IX_ContestQuestions_ContestId_Order" ON "ContestQuestions" ("ContestId", "Order");

CREATE UNIQUE INDEX "IX_ContestRounds_ContestId_Number" ON "ContestRounds" ("ContestId", "Number");

CREATE UNIQUE INDEX "IX_Contests_Slug" ON "Contests" ("Slug");

CREATE INDEX "IX_Contests_UnitId" ON "Contests" ("UnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203083541_Contests', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "VideoTranscodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VideoTranscodes" PRIMARY KEY AUTOINCREMENT,
    "MediaAssetId" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "Percent" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Failure" TEXT NULL,
    "QueuedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "HeartbeatAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "DurationSeconds" REAL NULL,
    "Speed" REAL NULL,
    "PosterId" INTEGER NULL,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_MediaAssetId" FOREIGN KEY ("MediaAssetId") REFERENCES "MediaAssets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_PosterId" FOREIGN KEY ("PosterId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL
);

CREATE TABLE "VideoRenditions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VideoRenditions" PRIMARY KEY AUTOINCREMENT,
    "VideoTranscodeId" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    CONSTRAINT "FK_VideoRenditions_VideoTranscodes_VideoTranscodeId" FOREIGN KEY ("VideoTranscodeId") REFERENCES "VideoTranscodes" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_VideoRenditions_VideoTranscodeId_Height" ON "VideoRenditions" ("VideoTranscodeId", "Height");

CREATE UNIQUE INDEX "IX_VideoTranscodes_MediaAssetId" ON "VideoTranscodes" ("MediaAssetId");

CREATE INDEX "IX_VideoTranscodes_PosterId" ON "VideoTranscodes" ("PosterId");

CREATE INDEX "IX_VideoTranscodes_State_QueuedAt" ON "VideoTranscodes" ("State", "QueuedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203083734_VideoTranscoding', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Posts" ADD "BodyHtml" TEXT NULL;

ALTER TABLE "Posts" ADD "BodyHtmlVersion" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203083937_StoredPostBodies', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Subscriptions" ADD "ProcedureChanges" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "SubscriptionDeliveries" ADD "ProcedureRevisionId" INTEGER NULL;

ALTER TABLE "SubscriptionAlerts" ADD "ProcedureRevisionId" INTEGER NULL;

CREATE UNIQUE INDEX "IX_SubscriptionDeliveries_SubscriptionId_ProcedureRevisionId" ON "SubscriptionDeliveries" ("SubscriptionId", "ProcedureRevisionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203114557_ProcedureAlerts', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Surveys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Surveys" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Intro" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "AudienceNote" TEXT NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "IsAnonymous" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TargetPercent" INTEGER NULL,
    "TargetLabel" TEXT NOT NULL,
    "IsSample" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Surveys_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SurveyResponses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SurveyResponses" PRIMARY KEY AUTOINCREMENT,
    "SurveyId" INTEGER NOT NULL,
    "SurveyVersion" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "TokenHash" TEXT NULL,
    "RespondentName" TEXT NULL,
    "IsSample" INTEGER NOT NULL,
    CONSTRAINT "FK_SurveyResponses_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SurveySections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SurveySections" PRIMARY KEY AUTOINCREMENT,
    "SurveyId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_SurveySections_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SurveyQuestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SurveyQuestions" PRIMARY KEY AUTOINCREMENT,
    "SurveyId" INTEGER NOT NULL,
    "SectionId" INTEGER NULL,
    "LowLabel" TEXT NOT NULL,
    "HighLabel" TEXT NOT NULL,
    "ShowIfQuestionId" INTEGER NULL,
    "ShowIfOptionId" INTEGER NULL,
    "IsIndicator" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Required" INTEGER NOT NULL,
    "Group" TEXT NULL,
    CONSTRAINT "FK_SurveyQuestions_SurveySections_SectionId" FOREIGN KEY ("SectionId") REFERENCES "SurveySections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SurveyQuestions_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SurveyAnswers" (
    "ResponseId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Chosen" TEXT NOT NULL,
    "Number" TEXT NULL,
    "Text" TEXT NULL,
    CONSTRAINT "PK_SurveyAnswers" PRIMARY KEY ("ResponseId", "QuestionId"),
    CONSTRAINT "FK_SurveyAnswers_SurveyQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "SurveyQuestions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SurveyAnswers_SurveyResponses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "SurveyResponses" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SurveyOptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SurveyOptions" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" INTEGER NOT NULL,
    "MeetsIndicator" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_SurveyOptions_SurveyQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "SurveyQuestions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SurveyAnswers_QuestionId" ON "SurveyAnswers" ("QuestionId");

CREATE INDEX "IX_SurveyOptions_QuestionId" ON "SurveyOptions" ("QuestionId");

CREATE INDEX "IX_SurveyQuestions_SectionId" ON "SurveyQuestions" ("SectionId");

CREATE INDEX "IX_SurveyQuestions_SurveyId_Order" ON "SurveyQuestions" ("SurveyId", "Order");

CREATE INDEX "IX_SurveyResponses_SurveyId_Day" ON "SurveyResponses" ("SurveyId", "Day");

CREATE UNIQUE INDEX "IX_SurveyResponses_SurveyId_TokenHash" ON "SurveyResponses" ("SurveyId", "TokenHash");

CREATE UNIQUE INDEX "IX_Surveys_Slug" ON "Surveys" ("Slug");

CREATE INDEX "IX_Surveys_UnitId_State" ON "Surveys" ("UnitId", "State");

CREATE INDEX "IX_SurveySections_SurveyId" ON "SurveySections" ("SurveyId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203124314_Surveys', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "VideoTranscodes" ADD "CaptionsId" INTEGER NULL;

CREATE INDEX "IX_VideoTranscodes_CaptionsId" ON "VideoTranscodes" ("CaptionsId");

CREATE TABLE "ef_temp_VideoTranscodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VideoTranscodes" PRIMARY KEY AUTOINCREMENT,
    "Attempts" INTEGER NOT NULL,
    "CaptionsId" INTEGER NULL,
    "DurationSeconds" REAL NULL,
    "Failure" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "HeartbeatAt" TEXT NULL,
    "MediaAssetId" INTEGER NOT NULL,
    "Percent" INTEGER NOT NULL,
    "PosterId" INTEGER NULL,
    "QueuedAt" TEXT NOT NULL,
    "Speed" REAL NULL,
    "StartedAt" TEXT NULL,
    "State" INTEGER NOT NULL,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_CaptionsId" FOREIGN KEY ("CaptionsId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_MediaAssetId" FOREIGN KEY ("MediaAssetId") REFERENCES "MediaAssets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_PosterId" FOREIGN KEY ("PosterId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_VideoTranscodes" ("Id", "Attempts", "CaptionsId", "DurationSeconds", "Failure", "FinishedAt", "HeartbeatAt", "MediaAssetId", "Percent", "PosterId", "QueuedAt", "Speed", "StartedAt", "State")
SELECT "Id", "Attempts", "CaptionsId", "DurationSeconds", "Failure", "FinishedAt", "HeartbeatAt", "MediaAssetId", "Percent", "PosterId", "QueuedAt", "Speed", "StartedAt", "State"
FROM "VideoTranscodes";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "VideoTranscodes";

ALTER TABLE "ef_temp_VideoTranscodes" RENAME TO "VideoTranscodes";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_VideoTranscodes_CaptionsId" ON "VideoTranscodes" ("CaptionsId");

CREATE UNIQUE INDEX "IX_VideoTranscodes_MediaAssetId" ON "VideoTranscodes" ("MediaAssetId");

CREATE INDEX "IX_VideoTranscodes_PosterId" ON "VideoTranscodes" ("PosterId");

CREATE INDEX "IX_VideoTranscodes_State_QueuedAt" ON "VideoTranscodes" ("State", "QueuedAt");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203124905_VideoCaptions', '10.0.13');

BEGIN TRANSACTION;
ALTER TABLE "Subscriptions" ADD "Contests" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "SubscriptionDeliveries" ADD "ContestId" INTEGER NULL;

ALTER TABLE "SubscriptionAlerts" ADD "ContestId" INTEGER NULL;

CREATE UNIQUE INDEX "IX_SubscriptionDeliveries_SubscriptionId_ContestId" ON "SubscriptionDeliveries" ("SubscriptionId", "ContestId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203145846_ContestAlerts', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ReportReminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportReminders" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "PeriodKind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "FK_ReportReminders_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ReportReminders_UnitId_PeriodKind_Year_Quarter_Kind" ON "ReportReminders" ("UnitId", "PeriodKind", "Year", "Quarter", "Kind");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203154029_ReportReminders', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Contests" ADD "ApproverId" TEXT NULL;

ALTER TABLE "Contests" ADD "LastEditorId" TEXT NULL;

ALTER TABLE "Contests" ADD "PublishedAt" TEXT NULL;

ALTER TABLE "Contests" ADD "ReviewNote" TEXT NULL;

ALTER TABLE "Contests" ADD "SubmittedById" TEXT NULL;

UPDATE "Contests" SET "PublishedAt" = "UpdatedAt" WHERE "Status" = 'Published';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203180933_ContestReview', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Units" ADD "AcceptsSubUnitPostsAutomatically" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "PostProposals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PostProposals" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "TargetUnitId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Title" TEXT NULL,
    "Summary" TEXT NULL,
    "DeclineReason" TEXT NULL,
    "ProposedAt" TEXT NOT NULL,
    "ProposedById" TEXT NOT NULL,
    "ProposedByName" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedById" TEXT NULL,
    "DecidedByName" TEXT NULL,
    CONSTRAINT "FK_PostProposals_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PostProposals_Units_TargetUnitId" FOREIGN KEY ("TargetUnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_PostProposals_PostId_TargetUnitId" ON "PostProposals" ("PostId", "TargetUnitId");

CREATE INDEX "IX_PostProposals_TargetUnitId_State" ON "PostProposals" ("TargetUnitId", "State");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203192619_PostProposals', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Posts" ADD "Featured" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203221130_FeaturedPosts', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Submissions" ADD "ProcedureId" INTEGER NULL;

CREATE INDEX "IX_Submissions_ProcedureId" ON "Submissions" ("ProcedureId");

CREATE TABLE "ef_temp_Submissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Submissions" PRIMARY KEY AUTOINCREMENT,
    "AnswerMarkdown" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredByUnitId" INTEGER NULL,
    "AssignedUserId" TEXT NULL,
    "AttachmentName" TEXT NULL,
    "AttachmentPath" TEXT NULL,
    "AttachmentType" TEXT NULL,
    "CategoryId" INTEGER NULL,
    "DueOn" TEXT NOT NULL,
    "Email" TEXT NULL,
    "FeedbackType" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Location" TEXT NULL,
    "MergedIntoId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "ProcedureId" INTEGER NULL,
    "PublishConsent" INTEGER NOT NULL,
    "PublishedAt" TEXT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "RejectionReason" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "TrackingCode" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Submissions_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Submissions_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Submissions_Submissions_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "Submissions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Submissions_Units_AnsweredByUnitId" FOREIGN KEY ("AnsweredByUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Submissions_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Submissions" ("Id", "AnswerMarkdown", "AnsweredAt", "AnsweredByUnitId", "AssignedUserId", "AttachmentName", "AttachmentPath", "AttachmentType", "CategoryId", "DueOn", "Email", "FeedbackType", "Kind", "Location", "MergedIntoId", "Name", "Phone", "ProcedureId", "PublishConsent", "PublishedAt", "ReceivedAt", "RejectionReason", "Status", "Text", "Title", "TrackingCode", "UnitId", "Version")
SELECT "Id", "AnswerMarkdown", "AnsweredAt", "AnsweredByUnitId", "AssignedUserId", "AttachmentName", "AttachmentPath", "AttachmentType", "CategoryId", "DueOn", "Email", "FeedbackType", "Kind", "Location", "MergedIntoId", "Name", "Phone", "ProcedureId", "PublishConsent", "PublishedAt", "ReceivedAt", "RejectionReason", "Status", "Text", "Title", "TrackingCode", "UnitId", "Version"
FROM "Submissions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Submissions";

ALTER TABLE "ef_temp_Submissions" RENAME TO "Submissions";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Submissions_AnsweredByUnitId" ON "Submissions" ("AnsweredByUnitId");

CREATE INDEX "IX_Submissions_CategoryId" ON "Submissions" ("CategoryId");

CREATE INDEX "IX_Submissions_Kind_Status_AnsweredAt" ON "Submissions" ("Kind", "Status", "AnsweredAt");

CREATE INDEX "IX_Submissions_MergedIntoId" ON "Submissions" ("MergedIntoId");

CREATE INDEX "IX_Submissions_ProcedureId" ON "Submissions" ("ProcedureId");

CREATE INDEX "IX_Submissions_ReceivedAt" ON "Submissions" ("ReceivedAt");

CREATE UNIQUE INDEX "IX_Submissions_TrackingCode" ON "Submissions" ("TrackingCode");

CREATE INDEX "IX_Submissions_UnitId_Status_DueOn" ON "Submissions" ("UnitId", "Status", "DueOn");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204025457_QuestionProcedure', '10.0.13');

BEGIN TRANSACTION;
CREATE TABLE "VideoCaptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VideoCaptions" PRIMARY KEY AUTOINCREMENT,
    "VideoId" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "MediaAssetId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_VideoCaptions_MediaAssets_MediaAssetId" FOREIGN KEY ("MediaAssetId") REFERENCES "MediaAssets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VideoCaptions_MediaAssets_VideoId" FOREIGN KEY ("VideoId") REFERENCES "MediaAssets" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_VideoCaptions_MediaAssetId" ON "VideoCaptions" ("MediaAssetId");

CREATE UNIQUE INDEX "IX_VideoCaptions_VideoId_Language" ON "VideoCaptions" ("VideoId", "Language");

INSERT INTO "VideoCaptions" ("VideoId", "Language", "Label", "MediaAssetId", "CreatedAt")
SELECT j."MediaAssetId", 'vi', 'Tiếng Việt', j."CaptionsId", a."CreatedAt"
FROM "VideoTranscodes" j JOIN "MediaAssets" a ON a."Id" = j."CaptionsId"
WHERE j."CaptionsId" IS NOT NULL;

DROP INDEX "IX_VideoTranscodes_CaptionsId";

CREATE TABLE "ef_temp_VideoTranscodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VideoTranscodes" PRIMARY KEY AUTOINCREMENT,
    "Attempts" INTEGER NOT NULL,
    "DurationSeconds" REAL NULL,
    "Failure" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "HeartbeatAt" TEXT NULL,
    "MediaAssetId" INTEGER NOT NULL,
    "Percent" INTEGER NOT NULL,
    "PosterId" INTEGER NULL,
    "QueuedAt" TEXT NOT NULL,
    "Speed" REAL NULL,
    "StartedAt" TEXT NULL,
    "State" INTEGER NOT NULL,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_MediaAssetId" FOREIGN KEY ("MediaAssetId") REFERENCES "MediaAssets" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VideoTranscodes_MediaAssets_PosterId" FOREIGN KEY ("PosterId") REFERENCES "MediaAssets" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_VideoTranscodes" ("Id", "Attempts", "DurationSeconds", "Failure", "FinishedAt", "HeartbeatAt", "MediaAssetId", "Percent", "PosterId", "QueuedAt", "Speed", "StartedAt", "State")
SELECT "Id", "Attempts", "DurationSeconds", "Failure", "FinishedAt", "HeartbeatAt", "MediaAssetId", "Percent", "PosterId", "QueuedAt", "Speed", "StartedAt", "State"
FROM "VideoTranscodes";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "VideoTranscodes";

ALTER TABLE "ef_temp_VideoTranscodes" RENAME TO "VideoTranscodes";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_VideoTranscodes_MediaAssetId" ON "VideoTranscodes" ("MediaAssetId");

CREATE INDEX "IX_VideoTranscodes_PosterId" ON "VideoTranscodes" ("PosterId");

CREATE INDEX "IX_VideoTranscodes_State_QueuedAt" ON "VideoTranscodes" ("State", "QueuedAt");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204025644_VideoCaptionLanguages', '10.0.13');

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204124112_SurveyMatrixPrompt', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Posts_Status_UnpublishAt" ON "Posts" ("Status", "UnpublishAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204125903_PostUnpublishIndex', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "SurveyAnswers" ADD "IsPublished" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204131930_SurveyTextPublication', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
UPDATE "Procedures" SET "Ways" = '[]' WHERE "Ways" IS NULL;

UPDATE "Procedures" SET "LegalBases" = '[]' WHERE "LegalBases" IS NULL;

UPDATE "Procedures" SET "Dossier" = '[]' WHERE "Dossier" IS NULL;

CREATE TABLE "ef_temp_Procedures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Procedures" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "CompetentBody" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DecisionDate" TEXT NULL,
    "DecisionNumber" TEXT NULL,
    "DecisionPostId" INTEGER NULL,
    "Dossier" TEXT NOT NULL,
    "FeeAmount" TEXT NULL,
    "Fees" TEXT NOT NULL,
    "FieldId" INTEGER NOT NULL,
    "FoldedName" TEXT NOT NULL,
    "ImplementingBody" TEXT NOT NULL,
    "LegalBases" TEXT NOT NULL,
    "LevelId" INTEGER NOT NULL,
    "Name" TEXT COLLATE vi NOT NULL,
    "OnlineLevel" TEXT NOT NULL,
    "PortalUrl" TEXT NULL,
    "ProcedureType" TEXT NULL,
    "ProcessingTime" TEXT NOT NULL,
    "ReplacedByCode" TEXT NULL,
    "Requirements" TEXT NULL,
    "Result" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StatusSince" TEXT NULL,
    "Steps" TEXT NOT NULL,
    "Subjects" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Ways" TEXT NOT NULL,
    "WhereToSubmit" TEXT NULL,
    CONSTRAINT "FK_Procedures_Posts_DecisionPostId" FOREIGN KEY ("DecisionPostId") REFERENCES "Posts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Procedures_ProcedureTerms_FieldId" FOREIGN KEY ("FieldId") REFERENCES "ProcedureTerms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Procedures_ProcedureTerms_LevelId" FOREIGN KEY ("LevelId") REFERENCES "ProcedureTerms" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Procedures" ("Id", "Code", "CompetentBody", "CreatedAt", "DecisionDate", "DecisionNumber", "DecisionPostId", "Dossier", "FeeAmount", "Fees", "FieldId", "FoldedName", "ImplementingBody", "LegalBases", "LevelId", "Name", "OnlineLevel", "PortalUrl", "ProcedureType", "ProcessingTime", "ReplacedByCode", "Requirements", "Result", "Status", "StatusSince", "Steps", "Subjects", "UpdatedAt", "Version", "Ways", "WhereToSubmit")
SELECT "Id", "Code", "CompetentBody", "CreatedAt", "DecisionDate", "DecisionNumber", "DecisionPostId", IFNULL("Dossier", '[]'), "FeeAmount", "Fees", "FieldId", "FoldedName", "ImplementingBody", IFNULL("LegalBases", '[]'), "LevelId", "Name", "OnlineLevel", "PortalUrl", "ProcedureType", "ProcessingTime", "ReplacedByCode", "Requirements", "Result", "Status", "StatusSince", "Steps", "Subjects", "UpdatedAt", "Version", IFNULL("Ways", '[]'), "WhereToSubmit"
FROM "Procedures";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Procedures";

ALTER TABLE "ef_temp_Procedures" RENAME TO "Procedures";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_Procedures_Code" ON "Procedures" ("Code");

CREATE INDEX "IX_Procedures_DecisionPostId" ON "Procedures" ("DecisionPostId");

CREATE INDEX "IX_Procedures_FieldId" ON "Procedures" ("FieldId");

CREATE INDEX "IX_Procedures_LevelId" ON "Procedures" ("LevelId");

CREATE INDEX "IX_Procedures_Status_FieldId" ON "Procedures" ("Status", "FieldId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204160644_ProcedureListsAsValues', '10.0.13');

BEGIN TRANSACTION;
CREATE TABLE "HelpfulVotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HelpfulVotes" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "Helpful" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    CONSTRAINT "FK_HelpfulVotes_Submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "Submissions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_HelpfulVotes_SubmissionId_TokenHash" ON "HelpfulVotes" ("SubmissionId", "TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204170654_HelpfulVotes', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Posts_UnitId_Kind_Status_PublishAt" ON "Posts" ("UnitId", "Kind", "Status", "PublishAt");

CREATE INDEX "IX_Posts_UnitId_Status_PublishAt" ON "Posts" ("UnitId", "Status", "PublishAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204232952_UnitListIndexes', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Surveys" ADD "SampleDataPending" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Contests" ADD "SampleDataPending" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205091708_SampleDataPending', '10.0.13');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "PendingSeedStages" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_PendingSeedStages" PRIMARY KEY
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205231301_PendingSeedStages', '10.0.13');

COMMIT;

