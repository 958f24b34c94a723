namespace Touchpoint.Assist.Learning;

/// <summary>A feature vector as parallel arrays of row numbers in the model and values.</summary>
public readonly record struct SparseVector(int[] Rows, float[] Values)
{
    public int Count => Rows.Length;
    public static SparseVector Empty { get; } = new([], []);
}

public sealed record LabelledText(string Label, string Text);
