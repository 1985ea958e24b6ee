namespace CchcSite.Content.Posts;

public enum PostKind
{
    Article,
    Document,
    Video,
    Practice,
    Announcement,
}

public enum PostStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Unpublished,
    Archived,
}

public enum Audience
{
    All,
    CivilServants,
    CitizensAndBusinesses,
}

public enum DocumentType
{
    Plan,
    Decision,
    Directive,
    OfficialLetter,
    Notice,
    Report,
    Resolution,
    Other,
}

public enum DocumentRelationKind
{
    Implements,
    Replaces,
    Amends,
}
