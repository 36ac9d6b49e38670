using System.Net;
using System.Xml.Linq;
using UnifiedCustomers.Api.Configuration;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Deployment;

/// <summary>deploy/kubernetes agrees with the code: ports, probes, the migration Job's command, the settings it passes.</summary>
public sealed class ManifestTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly XDocument ApiProject = XDocument.Load(Path.Combine(TestServer.RepositoryRoot(), "src", "Api", "UnifiedCustomers.Api.csproj"));
    private static readonly string ToolProjectPath = Path.Combine(TestServer.RepositoryRoot(), "tools", "UnifiedCustomers.Tool", "UnifiedCustomers.Tool.csproj");
    private static readonly XDocument ToolProject = XDocument.Load(ToolProjectPath);

    private static Node ApiContainer => Manifests.Deployment["spec"]["template"]["spec"]["containers"].Single("name", "api");
    private static Node MigrateContainer => Manifests.Job["spec"]["template"]["spec"]["containers"].Single("name", "migrate");

    [Fact]
    public void Kustomization_ListsEveryManifestOfTheBase()
    {
        var resources = Manifests.Kustomization["resources"].Items.Select(i => i.Text).ToList();

        var files = Directory.GetFiles(Manifests.Directory, "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not ("kustomization.yaml" or "secret.example.yaml"));
        resources.Should().BeEquivalentTo(files);
        resources.Should().NotContain("secret.example.yaml", "credentials never live in git");
        foreach (var resource in resources) Manifests.Load(resource)["kind"].Text.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void ContainerPort_IsThePortTheImageListensOn_AndTheServiceTargetsIt()
    {
        var imagePort = ProjectItems("ContainerPort").Single().Attribute("Include")!.Value;
        var listens = ProjectItems("ContainerEnvironmentVariable").Single(e => e.Attribute("Include")!.Value == "ASPNETCORE_HTTP_PORTS").Attribute("Value")!.Value;

        var port = ApiContainer["ports"].Single("name", "http");
        port["containerPort"].Text.Should().Be(imagePort).And.Be(listens).And.Be("8080");
        Manifests.Service["spec"]["ports"].Single("name", "http")["targetPort"].Text.Should().Be("http");
        Manifests.Service["spec"]["selector"]["app.kubernetes.io/name"].Text
            .Should().Be(Manifests.Deployment["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"].Text);
    }

    [Fact]
    public async Task Probes_AskTheHealthEndpoints_ThatAnswer()
    {
        var liveness = ApiContainer["livenessProbe"]["httpGet"];
        var readiness = ApiContainer["readinessProbe"]["httpGet"];

        (liveness["path"].Text, readiness["path"].Text).Should().Be(("/health/live", "/health/ready"));
        liveness["port"].Text.Should().Be("http");
        readiness["port"].Text.Should().Be("http");
        var client = api.CreateClient();
        (await client.GetAsync(liveness["path"].Text)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(readiness["path"].Text)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void MigrationJob_RunsTheToolsUp_FromTheToolsImage_WithTheOwnersConnectionString()
    {
        var command = MigrateContainer["command"].Items.Select(i => i.Text).ToList();
        var args = MigrateContainer["args"].Items.Select(i => i.Text).ToList();
        var (apiImage, apiTag) = Image(ApiContainer["image"].Text);
        var (toolImage, toolTag) = Image(MigrateContainer["image"].Text);

        (apiImage, toolImage).Should().Be((ProjectProperty(ApiProject, "ContainerRepository"), ProjectProperty(ToolProject, "ContainerRepository")));
        toolTag.Should().Be(apiTag, "the Job migrates to the schema of the release it ships with");
        command.Should().Equal(PublishedApiSmokeTests.MigrationCommand);
        command[^1].Should().Be("/app/" + Path.GetFileNameWithoutExtension(ToolProjectPath) + ".dll");
        args.Should().Equal("up");
        // The CLI reads the owner's connection string from this variable when no --connection is given.
        var env = MigrateContainer["env"].Single("name", "ConnectionStrings__Default");
        var secret = env["valueFrom"]["secretKeyRef"];
        secret["name"].Text.Should().Be(Manifests.SecretExample["metadata"]["name"].Text);
        Manifests.SecretExample["stringData"].Keys.Should().Contain(secret["key"].Text);
        Manifests.Job["spec"]["template"]["spec"]["restartPolicy"].Text.Should().Be("Never");
    }

    [Fact]
    public void EnvironmentVariables_AreSettingsTheCodeReads_AndTheApiGetsItsConnectionStringAsASecretFile()
    {
        var configMap = Manifests.ConfigMap["data"];
        var secretVolume = Manifests.Deployment["spec"]["template"]["spec"]["volumes"].Single("name", "secrets")["secret"];
        var secretFiles = secretVolume["items"].Items.Select(i => i["path"].Text).ToList();
        var passed = configMap.Keys
            .Concat(ApiContainer.Has("env") ? ApiContainer["env"].Items.Select(e => e["name"].Text) : [])
            .Concat(MigrateContainer["env"].Items.Select(e => e["name"].Text))
            .Concat(secretFiles)
            .Concat(Manifests.SecretExample["stringData"].Keys)
            .ToList();

        passed.Should().OnlyContain(name => Settings.All.Contains(name), "every variable passed is one the API or the CLI reads");
        ApiContainer["envFrom"].Items.Should().ContainSingle(e => e.Has("configMapRef")
            && e["configMapRef"]["name"].Text == Manifests.ConfigMap["metadata"]["name"].Text);
        secretFiles.Should().Equal("ConnectionStrings__App", "CustomerAccess__SigningKey");
        secretVolume["secretName"].Text.Should().Be(Manifests.SecretExample["metadata"]["name"].Text);
        var mount = ApiContainer["volumeMounts"].Single("name", "secrets");
        mount["mountPath"].Text.Should().Be(configMap[Settings.Env(SecretFiles.DirectorySetting)].Text).And.Be(SecretFiles.DefaultDirectory);
        configMap["ASPNETCORE_ENVIRONMENT"].Text.Should().Be("Production");
    }

    [Fact]
    public void Pods_RunAsTheImagesNonRootUser()
    {
        foreach (var (manifest, project) in new[] { (Manifests.Deployment, ApiProject), (Manifests.Job, ToolProject) })
        {
            var pod = manifest["spec"]["template"]["spec"]["securityContext"];
            pod["runAsNonRoot"].Text.Should().Be("true");
            pod["runAsUser"].Text.Should().Be(ProjectProperty(project, "ContainerUser")).And.NotBe("0");
            ProjectProperty(project, "ContainerFamily").Should().Contain("chiseled");
        }
    }

    private static IEnumerable<XElement> ProjectItems(string name) => ApiProject.Descendants(name);

    private static string ProjectProperty(XDocument project, string name) => project.Descendants(name).Single().Value;

    private static (string Repository, string Tag) Image(string image) => (image.Split(':')[0], image.Split(':')[1]);
}
