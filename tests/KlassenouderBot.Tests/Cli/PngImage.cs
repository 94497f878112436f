using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KlassenouderBot.Tests.Cli;

/// <summary>
/// Just enough of a PNG decoder to check the Teams icons: the IHDR header and the pixels of
/// non-interlaced 8-bit RGB or RGBA images.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[][] _rows;

    private PngImage(int width, int height, int bitDepth, int colorType, int interlace, byte[][] rows)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        _rows = rows;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>2 = RGB, 6 = RGBA.</summary>
    public int ColorType { get; }

    public int Interlace { get; }

    public static PngImage Read(byte[] bytes)
    {
        bytes.AsSpan(0, 8).SequenceEqual(Signature).Should().BeTrue("a PNG starts with the PNG signature");
        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var position = 8;
        var first = true;
        while (position < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(position));
            var kind = Encoding.ASCII.GetString(bytes, position + 4, 4);
            var data = bytes.AsSpan(position + 8, length);
            if (first)
            {
                kind.Should().Be("IHDR", "IHDR is the first chunk");
                first = false;
            }

            if (kind == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                interlace = data[12];
            }
            else if (kind == "IDAT")
            {
                idat.Write(data);
            }

            position += 12 + length;
        }

        return new PngImage(width, height, bitDepth, colorType, interlace, Unfilter(idat.ToArray(), width, height, colorType == 6 ? 4 : 3));
    }

    /// <summary>Every pixel as RGBA (alpha 255 for RGB images).</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        var channels = ColorType == 6 ? 4 : 3;
        foreach (var row in _rows)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = x * channels;
                yield return (row[i], row[i + 1], row[i + 2], channels == 4 ? row[i + 3] : (byte)255);
            }
        }
    }

    private static byte[][] Unfilter(byte[] compressed, int width, int height, int channels)
    {
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        raw.Length.Should().Be(height * (stride + 1), "every row is a filter byte and its pixels");
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter}"),
                });
            }

            rows[y] = row;
            previous = row;
        }

        return rows;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
