using System.Text;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Questions;

/// <summary>What a citizen sends, from the form or the API, as typed. Field names are the form's.</summary>
public sealed record SubmissionInput
{
    public string? Unit { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Category { get; init; }
    /// <summary>The procedure a question is about: its code or words of its name, looked up by <see cref="Procedures.ProcedureLookup"/>.</summary>
    public string? Procedure { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }
    public bool PublishConsent { get; init; }
    public string? Location { get; init; }
    public FeedbackType? FeedbackType { get; init; }
}

/// <summary>An attached file as uploaded: its name and its bytes, read at most once.</summary>
public sealed record SubmittedFile(string FileName, Stream Content);

/// <summary>A stored submission as its receipt tells it; <see cref="Email"/> is where the receipt goes, if anywhere.</summary>
public sealed record Submitted(SubmissionKind Kind, string TrackingCode, string Title, string UnitName, DateOnly DueOn, string? Email);

/// <summary>Receives citizens' questions and feedback: checks them, stores them with a tracking code and a deadline.</summary>
public sealed class CitizenSubmissions(CchcDbContext db, IMediaStore store, MediaCleanup cleanup, IOptions<MediaLimits> mediaLimits, IOptions<SubmissionOptions> options, Procedures.ProcedureLookup procedures, TimeProvider clock)
{
    public const int MaxName = 100;
    public const int MaxEmail = 200;
    public const int MaxPhone = 20;
    public const int MaxTitle = 200;
    public const int MaxText = 4000;
    public const int MaxLocation = 300;
    public const string AttachmentField = "Attachment";

    /// <summary>Image or PDF, told from the bytes as in the media library.</summary>
    private static readonly Dictionary<string, string> AttachmentExtensions = new()
    {
        [FileSniffer.Jpeg] = ".jpg",
        [FileSniffer.Png] = ".png",
        [FileSniffer.Pdf] = ".pdf",
    };

    /// <summary>The stored submission's receipt, or the Vietnamese reasons it was refused, by field.</summary>
    public async Task<Outcome<Submitted>> SubmitAsync(SubmissionKind kind, SubmissionInput input, SubmittedFile? file, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var name = Clean(input.Name);
        var email = Clean(input.Email);
        var phone = Clean(input.Phone);
        var title = Clean(input.Title);
        var text = input.Text?.Trim().Normalize(NormalizationForm.FormC);
        var location = Clean(input.Location);

        var unit = string.IsNullOrEmpty(input.Unit) ? null
            : await db.Units.AsNoTracking().Where(u => u.Slug == input.Unit && u.IsActive).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null)
            errors[nameof(input.Unit)] = "Vui lòng chọn đơn vị nhận.";
        Require(errors, nameof(input.Name), name, MaxName, "họ và tên");
        if (email is null && phone is null)
            errors[nameof(input.Email)] = "Vui lòng nhập thư điện tử hoặc số điện thoại để đơn vị liên hệ khi cần.";
        if (email is not null && (email.Length > MaxEmail || !EmailAddressRule.IsValid(email)))
            errors[nameof(input.Email)] = EmailAddressRule.Message;
        if (phone is not null && (phone.Length > MaxPhone || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')')))
            errors[nameof(input.Phone)] = $"Số điện thoại chỉ gồm chữ số, tối đa {MaxPhone} ký tự.";
        var category = string.IsNullOrEmpty(input.Category) ? null
            : await db.Categories.AsNoTracking().Where(c => c.Slug == input.Category).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (category is null)
            errors[nameof(input.Category)] = "Vui lòng chọn lĩnh vực.";
        // Only a question names a procedure; the feedback form has no such box, and a value posted there is ignored.
        var procedure = kind == SubmissionKind.Question ? await procedures.FindAsync(input.Procedure, ct) : Procedures.ProcedureLookupResult.Nothing;
        if (procedure.Problem is not null)
            errors[nameof(input.Procedure)] = procedure.Problem;
        Require(errors, nameof(input.Title), title, MaxTitle, "tiêu đề");
        Require(errors, nameof(input.Text), text, MaxText, kind == SubmissionKind.Question ? "nội dung câu hỏi" : "nội dung phản ánh, kiến nghị");
        if (kind == SubmissionKind.Feedback)
        {
            Require(errors, nameof(input.Location), location, MaxLocation, "địa điểm xảy ra sự việc");
            if (input.FeedbackType is not { } type || !Enum.IsDefined(type))
                errors[nameof(input.FeedbackType)] = "Vui lòng chọn phản ánh hoặc kiến nghị.";
        }

        var attachment = file is null ? null : await ReadAttachmentAsync(file, errors, ct);
        if (errors.Count > 0)
            return Outcome<Submitted>.Invalid.Of(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var submission = new Submission
        {
            Kind = kind, TrackingCode = TrackingCode.New(), UnitId = unit!.Id, CategoryId = category, ProcedureId = procedure.Id,
            Name = name!, Email = email, Phone = phone, Title = title!, Text = text!,
            PublishConsent = kind == SubmissionKind.Question && input.PublishConsent,
            Location = kind == SubmissionKind.Feedback ? location : null,
            FeedbackType = kind == SubmissionKind.Feedback ? input.FeedbackType : null,
            Status = SubmissionStatus.Received, ReceivedAt = now, DueOn = DueOn(now), Version = Guid.NewGuid(),
            History = [new SubmissionEvent { At = now, Step = SubmissionStep.Received, UnitId = unit.Id }],
        };
        if (attachment is { } stored)
            (submission.AttachmentPath, submission.AttachmentName, submission.AttachmentType) = stored;
        db.Submissions.Add(submission);
        try
        {
            await SaveWithUniqueCodeAsync(submission, ct);
        }
        catch
        {
            // The file may be another row's too: its name comes from its content.
            if (submission.AttachmentPath is { } path)
                await cleanup.DeleteUnusedAsync([path], CancellationToken.None);
            throw;
        }
        return new Outcome<Submitted>.Ok(new Submitted(kind, submission.TrackingCode, submission.Title, unit.Name, submission.DueOn, email));
    }

    /// <summary>The deadline for something received at <paramref name="receivedAtUtc"/>, counted in Vietnamese working days.</summary>
    public DateOnly DueOn(DateTime receivedAtUtc) =>
        WorkingDays.Add(VietnamTime.DateOf(receivedAtUtc), options.Value.ResponseWorkingDays);

    /// <summary>A clash of two random codes is rare but possible; the unique index tells, and a new code is drawn.</summary>
    private async Task SaveWithUniqueCodeAsync(Submission submission, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                if (!await db.Submissions.AnyAsync(s => s.TrackingCode == submission.TrackingCode, ct))
                    throw;
                submission.TrackingCode = TrackingCode.New();
            }
        }
    }

    private async Task<(string Path, string Name, string Type)?> ReadAttachmentAsync(SubmittedFile file, Dictionary<string, string> errors, CancellationToken ct)
    {
        const string accepted = "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF.";
        var fileName = Path.GetFileName(file.FileName).Trim();
        if (!AllowedFileTypes.TryGetContentType(fileName, out var claimed) || !AttachmentExtensions.ContainsKey(claimed))
        {
            errors[AttachmentField] = $"Không nhận tệp \"{fileName}\". {accepted}";
            return null;
        }
        var bytes = await MediaLibrary.ReadAtMostAsync(file.Content, options.Value.MaxAttachmentBytes, ct);
        if (bytes is null)
        {
            errors[AttachmentField] = $"Tệp đính kèm tối đa {MediaLibrary.FormatSize(options.Value.MaxAttachmentBytes)}.";
            return null;
        }
        if (FileSniffer.Detect(bytes) is not { } actual || actual != claimed)
        {
            errors[AttachmentField] = $"Nội dung tệp không phải là {FileSniffer.DisplayName(claimed)} như tên tệp cho biết. {accepted}";
            return null;
        }
        // The first bytes say only what the file claims to be: an image is decoded and written again, within the
        // library's pixel limit, so that what the officer opens is pixels and nothing else.
        if (actual is FileSniffer.Jpeg or FileSniffer.Png)
        {
            try
            {
                bytes = ImageEncoder.Reencode(bytes, actual, mediaLimits.Value.MaxImagePixels).Bytes;
            }
            catch (ImageRejectedException rejected)
            {
                errors[AttachmentField] = $"{rejected.Message} {accepted}";
                return null;
            }
        }
        // A submission refused for another field stores no file that nothing would point at.
        if (errors.Count > 0)
            return null;
        var (path, _) = await store.SaveAsync(bytes, AttachmentExtensions[actual], ct);
        var baseName = Slug.From(Path.GetFileNameWithoutExtension(fileName));
        return (path, (baseName.Length == 0 ? "tep-dinh-kem" : baseName[..Math.Min(baseName.Length, 80)]) + AttachmentExtensions[actual], actual);
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);

    private static void Require(Dictionary<string, string> errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrEmpty(value))
            errors[field] = $"Vui lòng nhập {label}.";
        else if (value.Length > max)
            errors[field] = $"{char.ToUpperInvariant(label[0])}{label[1..]} tối đa {max} ký tự (hiện có {value.Length}).";
    }
}
