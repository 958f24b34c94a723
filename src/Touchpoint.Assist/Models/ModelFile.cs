using System.Text;
using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Models;

public enum ModelKind : byte
{
    Sentiment = 1,
    Intent = 2,
}

/// <summary>
/// The binary model format, version 1 (little-endian):
/// "TPAM", format version (u16), kind (u8), labels (count, then length-prefixed UTF-8 strings), views (count, then per
/// view: feature options, hash bits, row count, the rows' hash buckets as ascending deltas in 7-bit varints, row weights
/// as f32, class count, weights as f16 row by row, biases as f32), the kind's own fields, and "END!" to catch truncation.
/// Weights are 16-bit because 32 bits buy no accuracy and would double the file.
/// </summary>
public static class ModelFile
{
    private static readonly byte[] Magic = "TPAM"u8.ToArray();
    private static readonly byte[] EndMark = "END!"u8.ToArray();
    public const ushort FormatVersion = 1;

    public static void Write(Stream stream, ModelKind kind, TextClassifier classifier, Action<BinaryWriter> writeExtras)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((byte)kind);
        writer.Write7BitEncodedInt(classifier.Labels.Count);
        foreach (var label in classifier.Labels) writer.Write(label);
        writer.Write7BitEncodedInt(classifier.Views.Count);
        foreach (var view in classifier.Views) WriteView(writer, view);
        writeExtras(writer);
        writer.Write(EndMark);
    }

    public static TextClassifier Read(Stream stream, ModelKind expectedKind, Action<BinaryReader> readExtras)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a Touchpoint assist model (wrong magic bytes).");
            var version = reader.ReadUInt16();
            if (version != FormatVersion) throw new InvalidDataException($"Model format version {version} is not supported; this build reads version {FormatVersion}.");
            var kind = (ModelKind)reader.ReadByte();
            if (kind != expectedKind) throw new InvalidDataException($"The file holds a {kind} model, not a {expectedKind} model.");
            var labels = new string[reader.Read7BitEncodedInt()];
            for (int i = 0; i < labels.Length; i++) labels[i] = reader.ReadString();
            var views = new ClassifierView[reader.Read7BitEncodedInt()];
            for (int i = 0; i < views.Length; i++) views[i] = ReadView(reader, labels.Length);
            readExtras(reader);
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual(EndMark)) throw new InvalidDataException("The model file is damaged (no end mark).");
            return new TextClassifier(labels, views);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The model file is truncated.");
        }
    }

    private static void WriteView(BinaryWriter writer, ClassifierView view)
    {
        view.Featurizer.Options.Write(writer);
        var vocabulary = view.Vocabulary;
        writer.Write7BitEncodedInt(vocabulary.RowCount);
        int previous = 0;
        foreach (var bucket in vocabulary.Buckets)
        {
            writer.Write7BitEncodedInt(bucket - previous);
            previous = bucket;
        }
        foreach (var weight in vocabulary.RowWeights) writer.Write(weight);
        var model = view.Model;
        writer.Write7BitEncodedInt(model.ClassCount);
        foreach (var weight in model.Weights) writer.Write((Half)weight);
        foreach (var bias in model.Bias) writer.Write(bias);
    }

    private static ClassifierView ReadView(BinaryReader reader, int labelCount)
    {
        var features = FeatureOptions.Read(reader);
        if (features.HashBits is < 10 or > 26) throw new InvalidDataException($"Unexpected hash size 2^{features.HashBits}.");
        int rowCount = reader.Read7BitEncodedInt();
        var buckets = new int[rowCount];
        int bucket = 0;
        for (int i = 0; i < rowCount; i++)
        {
            bucket += reader.Read7BitEncodedInt();
            if (bucket >= 1 << features.HashBits) throw new InvalidDataException("A feature bucket lies outside the hash range.");
            buckets[i] = bucket;
        }
        var rowWeights = new float[rowCount];
        for (int i = 0; i < rowCount; i++) rowWeights[i] = reader.ReadSingle();
        int classCount = reader.Read7BitEncodedInt();
        if (classCount != labelCount) throw new InvalidDataException("The model's class count does not match its labels.");
        var weights = new float[(long)rowCount * classCount];
        for (long i = 0; i < weights.Length; i++) weights[i] = (float)reader.ReadHalf();
        var bias = new float[classCount];
        for (int k = 0; k < classCount; k++) bias[k] = reader.ReadSingle();
        var vocabulary = new FeatureVocabulary(features.HashBits, buckets, rowWeights, features.BinaryTermFrequency);
        return new ClassifierView(features, vocabulary, new SoftmaxRegression(rowCount, classCount, weights, bias));
    }
}
