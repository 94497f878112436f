namespace KlassenouderBot.Tests.School;

/// <summary>A temporary folder for school files that a test writes; removed when the test ends.</summary>
internal sealed class TempSchoolFiles : IDisposable
{
    public TempSchoolFiles()
    {
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "klassenouderbot-tests", Guid.NewGuid().ToString("N"))).FullName;
    }

    public string Directory { get; }

    public string Write(string yaml, string fileName = "school.yaml")
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, yaml);
        return path;
    }

    public string WriteBytes(byte[] bytes, string fileName = "school.yaml")
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
