using System.Text;

namespace Touchpoint.Assist.Learning;

/// <summary>Reads UTF-8 TSV with a header line "label&lt;TAB&gt;text" and one example a line.</summary>
public static class LabelledTextFile
{
    public static List<LabelledText> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return Read(reader, path);
    }

    public static List<LabelledText> Read(TextReader reader, string name)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{name}: the file is empty; expected a header \"label<TAB>text\".");
        var columns = header.TrimStart('\uFEFF').Split('\t');
        if (columns.Length < 2 || !columns[0].Trim().Equals("label", StringComparison.OrdinalIgnoreCase) || !columns[1].Trim().Equals("text", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{name}: the first line must be the header \"label<TAB>text\", found \"{Shorten(header)}\".");
        var examples = new List<LabelledText>();
        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"{name}, line {lineNumber}: expected \"label<TAB>text\", found \"{Shorten(line)}\".");
            examples.Add(new LabelledText(line[..tab].Trim(), line[(tab + 1)..]));
        }
        return examples;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
