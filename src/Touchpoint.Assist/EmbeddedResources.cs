using System.Reflection;
using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist;

/// <summary>The example sets and lexicons compiled into the library (Resources/*.tsv).</summary>
internal static class EmbeddedResources
{
    public static string ReadText(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Touchpoint.Assist." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static List<LabelledText> ReadExamples(string name)
    {
        using var reader = new StringReader(ReadText(name));
        return LabelledTextFile.Read(reader, name);
    }
}
