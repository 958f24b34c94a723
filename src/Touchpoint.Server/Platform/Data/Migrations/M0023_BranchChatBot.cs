using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Each branch switches the self-service chat bot on or off for its own chats; existing branches keep it on.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000023_BranchChatBot")]
public sealed class M0023_BranchChatBot : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<bool>("ChatBotEnabled", "Branches", nullable: false, defaultValue: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("ChatBotEnabled", "Branches");
}
