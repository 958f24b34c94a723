using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>One MIME entity: its headers, its still transfer-encoded body (a slice of the raw message, not a copy) and,
/// for a multipart, its parts.</summary>
internal sealed class MimeEntity
{
    public required HeaderList Headers { get; init; }
    public required ReadOnlyMemory<byte> Body { get; init; }
    public required HeaderParameters ContentType { get; init; }
    public HeaderParameters? Disposition { get; init; }
    public string? TransferEncoding { get; init; }
    public List<MimeEntity> Parts { get; } = [];

    /// <summary>The media type, "text/plain" when missing or malformed.</summary>
    public string MediaType => ContentType.Value;
    public string? Charset => ContentType["charset"];
    public bool IsMultipart => Parts.Count > 0;

    /// <summary>Nesting deeper than this (multiparts and attached messages together) is kept as an opaque part.</summary>
    public const int MaxDepth = 24;

    public static MimeEntity Read(ReadOnlyMemory<byte> data, string defaultType, int depth, ICollection<string> problems)
    {
        var (headers, bodyStart) = HeaderList.Read(data.Span, problems);
        var contentType = HeaderParameters.Parse(headers.First("Content-Type"), null, problems);
        // The entity's charset also reads its raw 8-bit headers; parse the parameters again with it.
        var charset = Charsets.Resolve(contentType["charset"]);
        if (charset is not null && headers.First("Content-Type") is { } raw && !Ascii.IsValid(raw))
            contentType = HeaderParameters.Parse(raw, charset, problems);
        if (!IsMediaType(contentType.Value))
        {
            if (contentType.Value.Length > 0) problems.Add($"malformed Content-Type '{EncodedWords.Shorten(contentType.Value)}', read as {defaultType}");
            contentType = HeaderParameters.Parse(defaultType, null, problems);
        }
        var dispositionRaw = headers.First("Content-Disposition");
        var entity = new MimeEntity
        {
            Headers = headers,
            Body = data[bodyStart..],
            ContentType = contentType,
            Disposition = dispositionRaw is null ? null : HeaderParameters.Parse(dispositionRaw, charset, problems),
            TransferEncoding = headers.First("Content-Transfer-Encoding"),
        };
        if (contentType.Value.StartsWith("multipart/", StringComparison.Ordinal)) entity.ReadParts(depth, problems);
        return entity;
    }

    private void ReadParts(int depth, ICollection<string> problems)
    {
        var boundary = ContentType["boundary"];
        if (string.IsNullOrEmpty(boundary))
        {
            problems.Add($"{MediaType} without a boundary, read as text");
            return;
        }
        if (depth >= MaxDepth)
        {
            problems.Add("parts nested too deep, the innermost kept unread");
            return;
        }
        string partDefault = MediaType == "multipart/digest" ? "message/rfc822" : "text/plain";
        foreach (var part in MultipartSplitter.Split(Body, boundary, problems))
            Parts.Add(Read(part, partDefault, depth + 1, problems));
        if (Parts.Count == 0) problems.Add($"{MediaType} without any part, read as text");
    }

    private static bool IsMediaType(string value)
    {
        int slash = value.IndexOf('/');
        return slash > 0 && slash < value.Length - 1 && !value.Contains(' ') && value.IndexOf('/', slash + 1) < 0;
    }

    /// <summary>The decoded bytes of a leaf part.</summary>
    public byte[] DecodeBody(ICollection<string> problems) => TransferDecoding.Decode(Body.Span, TransferEncoding, problems);
}
